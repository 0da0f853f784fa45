// A local ESLint rule: the direction of imports, from one map of layers (VS Code's "code-layering" idea).
// Hand-written because no-restricted-imports only sees the import's spelling: each folder needed its own
// ban block of globs, a relative path ('../../core/src/x') slipped past them, a later block silently replaced an
// earlier one for the same files, and a new folder was simply unguarded. This rule resolves every import to the
// folder it lands in and asks the map; a linted file in no layer is itself an error.
import path from 'node:path';
import { builtinModules } from 'node:module';

const builtins = new Set(builtinModules);

/** What an import names: a repository path (relative to the root) or an outside kind (node, electron, react, npm:<pkg>). */
function classify(spec, fromFile, root) {
  if (spec.startsWith('.') || spec.startsWith('/')) {
    return { repoPath: path.relative(root, path.resolve(path.dirname(fromFile), spec)).split(path.sep).join('/') };
  }
  const ours = /^@easydo\/([^/]+)(?:\/(.*))?$/.exec(spec);
  if (ours) {
    const [, pkg, rest] = ours;
    // The backend client's sandbox server sits beside its src/ (see workspace-aliases.ts).
    if (rest === undefined) return { repoPath: pkg };
    return { repoPath: pkg === 'backend-client' && rest.startsWith('sandbox/') ? `${pkg}/${rest}` : `${pkg}/src/${rest}` };
  }
  if (spec.startsWith('node:') || builtins.has(spec.split('/')[0])) return { kind: 'node' };
  const pkg = spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
  if (pkg === 'electron') return { kind: 'electron' };
  if (pkg === 'react' || pkg === 'react-dom') return { kind: 'react' };
  return { kind: 'npm', pkg };
}

/** '.' holds only the files directly in the root; any other folder holds everything beneath it. */
function inFolder(repoPath, folder) {
  if (folder === '.') return !repoPath.includes('/') && !repoPath.startsWith('..');
  return repoPath === folder || repoPath.startsWith(`${folder}/`);
}

/** The layer of a file: the longest folder of the map that holds it. */
function layerOf(repoPath, layers) {
  let best;
  for (const folder of Object.keys(layers)) {
    if (inFolder(repoPath, folder) && (best === undefined || folder.length > best.length)) best = folder;
  }
  return best;
}

/**
 * Inside a folder with floors (bottom first), the sub-folder a path lies in and its floor (-1: on none). A file
 * directly in the base folder has no storey.
 */
function storeyOf(repoPath, floors) {
  for (const [base, storeys] of Object.entries(floors)) {
    if (!repoPath.startsWith(`${base}/`)) continue;
    const rest = repoPath.slice(base.length + 1);
    if (!rest.includes('/')) return undefined;
    const folder = rest.split('/')[0];
    return { base, folder, floor: storeys.findIndex((names) => names.includes(folder)) };
  }
  return undefined;
}

function allowed(target, layer, may) {
  if (target.repoPath !== undefined) return inFolder(target.repoPath, layer) || may.some((entry) => inFolder(target.repoPath, entry));
  if (target.kind === 'npm') return may.includes('npm') || may.includes(`npm:${target.pkg}`);
  return may.includes(target.kind);
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layer map: each folder lists the folders and outside modules it may import.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
          why: { type: 'object', additionalProperties: { type: 'string' } },
          floors: {
            type: 'object',
            additionalProperties: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
          },
        },
        required: ['root', 'layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      noLayer: "'{{file}}' is in no layer: add its folder to the layer map in eslint.config.js.",
      against: "'{{layer}}' may not import '{{spec}}' ({{target}}).{{why}}",
      noFloor: "'{{folder}}' is on no floor of '{{base}}': add it to the floors in eslint.config.js.",
      upward: "'{{from}}' (floor {{fromFloor}}) may not import '{{spec}}' ('{{to}}', floor {{toFloor}}): inside '{{base}}' imports go to lower floors only.",
    },
  },
  create(context) {
    const { root, layers, why = {}, floors = {} } = context.options[0];
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const layer = layerOf(file, layers);
    const storey = storeyOf(file, floors);
    const check = (node, source) => {
      if (layer === undefined || typeof source?.value !== 'string') return;
      const target = classify(source.value, context.filename, root);
      if (storey && target.repoPath !== undefined && inFolder(target.repoPath, storey.base)) {
        // A folder's own index ('../receipts') lands in that folder, as a file in it does.
        const to = storeyOf(`${target.repoPath}/index`, floors);
        if (to && to.folder !== storey.folder && !(to.floor < storey.floor)) {
          const data = { from: storey.folder, fromFloor: storey.floor, spec: source.value, to: to.folder, toFloor: to.floor < 0 ? 'none' : to.floor, base: storey.base };
          context.report({ node: source, messageId: 'upward', data });
        }
        return;
      }
      if (allowed(target, layer, layers[layer])) return;
      const landsIn = target.repoPath !== undefined ? (layerOf(target.repoPath, layers) ?? target.repoPath) : target.kind;
      const reason = why[layer] ? ` ${why[layer]}` : '';
      context.report({ node: source, messageId: 'against', data: { layer, spec: source.value, target: landsIn, why: reason } });
    };
    return {
      Program(node) {
        if (layer === undefined) context.report({ node, messageId: 'noLayer', data: { file } });
        if (storey && storey.floor < 0) context.report({ node, messageId: 'noFloor', data: { folder: storey.folder, base: storey.base } });
      },
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node, node.moduleReference.expression),
    };
  },
};

export default { meta: { name: 'easydo-import-layers' }, rules: { 'import-layers': rule } };

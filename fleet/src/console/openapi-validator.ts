// Requests and answers of the console checked against fleet/openapi.yaml (JSON Schema 2020-12, as OpenAPI 3.1
// uses), so the web app, the load test and the document cannot drift apart without a failing request.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => void;

export const SPEC_FILE = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));

type Json = Record<string, unknown>;
const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;
const pointer = (...parts: string[]) => '#/' + parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export interface Issue {
  path: string;
  message: string;
}
export type Checked = { ok: true } | { ok: false; issues: Issue[] };

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  /** Fastify's form of the path (`:terminalId`). */
  route: string;
  public: boolean;
  jsonBody: boolean;
  parameters: { name: string; in: 'path' | 'query'; required: boolean; schemaRef: string; type: unknown }[];
  statuses: string[];
}

const toIssues = (errors: ErrorObject[] | null | undefined): Issue[] => (errors ?? []).slice(0, 20).map((e) => ({ path: e.instancePath || '/', message: e.message ?? 'invalid' }));

export class ConsoleSpec {
  readonly doc: Json;
  readonly operations = new Map<string, SpecOperation>();
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(file = SPEC_FILE) {
    this.doc = parse(readFileSync(file, 'utf8')) as Json;
    addFormats(this.ajv);
    this.ajv.addSchema(this.doc, 'api');
    const globalSecurity = this.doc['security'];
    for (const [path, item] of Object.entries(this.doc['paths'] as Record<string, Json>)) {
      for (const method of METHODS) {
        const op = item[method] as Json | undefined;
        if (!op) continue;
        const parameters: SpecOperation['parameters'] = [];
        const declared = [
          ...((item['parameters'] as Json[] | undefined) ?? []).map((p, i) => ({ p, ref: pointer('paths', path, 'parameters', String(i)) })),
          ...((op['parameters'] as Json[] | undefined) ?? []).map((p, i) => ({ p, ref: pointer('paths', path, method, 'parameters', String(i)) })),
        ];
        for (const { p, ref } of declared) {
          const resolved = p['$ref'] ? this.resolve(String(p['$ref'])) : p;
          const where = resolved['in'];
          if (where !== 'path' && where !== 'query') throw new Error(`${String(op['operationId'])}: ${String(where)} parameters are not supported`);
          const schemaRef = p['$ref'] ? `${String(p['$ref'])}/schema` : `${ref}/schema`;
          parameters.push({ name: String(resolved['name']), in: where, required: resolved['required'] === true, schemaRef, type: (resolved['schema'] as Json | undefined)?.['type'] });
        }
        const security = (op['security'] ?? globalSecurity) as unknown[];
        this.operations.set(String(op['operationId']), {
          operationId: String(op['operationId']),
          method: method.toUpperCase(),
          path,
          route: path.replace(/\{(\w+)\}/g, ':$1'),
          public: Array.isArray(security) && security.length === 0,
          jsonBody: Boolean((op['requestBody'] as { content?: Json } | undefined)?.content?.['application/json']),
          parameters,
          statuses: Object.keys(op['responses'] as Json),
        });
      }
    }
  }

  private resolve(ref: string): Json {
    let node: unknown = this.doc;
    for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    return node as Json;
  }

  private run(ref: string, value: unknown): Checked {
    let fn = this.compiled.get(ref);
    if (!fn) {
      fn = this.ajv.compile({ $ref: `api${ref}` });
      this.compiled.set(ref, fn);
    }
    return fn(value) ? { ok: true } : { ok: false, issues: toIssues(fn.errors) };
  }

  operation(id: string): SpecOperation {
    const op = this.operations.get(id);
    if (!op) throw new Error(`unknown operation ${id}`);
    return op;
  }

  checkBody(id: string, body: unknown): Checked {
    const op = this.operation(id);
    if (!op.jsonBody) return body === undefined || body === null ? { ok: true } : { ok: false, issues: [{ path: '/', message: 'this operation takes no body' }] };
    if (body === undefined) return { ok: false, issues: [{ path: '/', message: 'a JSON body is required' }] };
    return this.run(pointer('paths', op.path, op.method.toLowerCase(), 'requestBody', 'content', 'application/json', 'schema'), body);
  }

  /** Path and query parameters; a query parameter the document does not declare is refused. */
  checkParameters(id: string, params: Record<string, string>, query: Record<string, unknown>): Checked {
    const op = this.operation(id);
    const issues: Issue[] = [];
    for (const key of Object.keys(query)) if (!op.parameters.some((p) => p.in === 'query' && p.name === key)) issues.push({ path: `query:${key}`, message: 'is not a parameter of this operation' });
    for (const p of op.parameters) {
      const raw = p.in === 'path' ? params[p.name] : query[p.name];
      const value = Array.isArray(raw) ? raw[0] : raw;
      if (value === undefined || value === '') {
        if (p.required) issues.push({ path: `${p.in}:${p.name}`, message: 'is required' });
        continue;
      }
      const coerced = (p.type === 'integer' || p.type === 'number') && /^-?\d+(\.\d+)?$/.test(String(value)) ? Number(value) : value;
      const r = this.run(p.schemaRef, coerced);
      if (!r.ok) issues.push(...r.issues.map((i) => ({ path: `${p.in}:${p.name}`, message: i.message })));
    }
    return issues.length ? { ok: false, issues } : { ok: true };
  }

  /** An answer must have a declared status and match its JSON schema (non-JSON answers: status only). */
  checkResponse(id: string, status: number, body: unknown, mediaType = 'application/json'): Checked {
    const op = this.operation(id);
    const key = String(status);
    if (!op.statuses.includes(key)) return { ok: false, issues: [{ path: '/', message: `undeclared status ${status}` }] };
    let ref = pointer('paths', op.path, op.method.toLowerCase(), 'responses', key);
    let declared = this.resolve(ref);
    if (declared['$ref']) {
      ref = String(declared['$ref']);
      declared = this.resolve(ref);
    }
    const content = declared['content'] as Json | undefined;
    if (!content) return body === undefined ? { ok: true } : { ok: false, issues: [{ path: '/', message: `status ${status} is declared without a body` }] };
    if (!content[mediaType]) return { ok: false, issues: [{ path: '/', message: `status ${status} is not declared as ${mediaType}` }] };
    if (mediaType !== 'application/json') return { ok: true };
    return this.run(`${ref}/content/application~1json/schema`, body);
  }
}

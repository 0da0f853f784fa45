// JSON-Schema validation straight from the OpenAPI document (2020-12 dialect, as OpenAPI 3.1 uses),
// shared by the client (responses) and the sandbox (requests and responses), so neither side can
// drift from the spec without a test noticing.
import { Ajv2020, type ValidateFunction, type ErrorObject } from 'ajv/dist/2020';
import addFormatsModule from 'ajv-formats';
import { openapiDocument } from './generated/openapi-document';

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => void;

export interface OperationInfo {
  operationId: string;
  method: string;
  /** OpenAPI path template, e.g. /v1/uploads/{uploadId}. */
  path: string;
  idempotent: boolean;
  jsonBody: boolean;
  /** Media types the request body may have (empty: the operation takes no body). */
  requestMediaTypes: string[];
  responseStatuses: string[];
  /** `x-max-response-bytes`: the most a valid answer (success or error) can weigh; the client reads no further. */
  maxResponseBytes: number;
  /** Header, path and query parameters, with JSON pointers to their schemas. */
  parameters: { name: string; in: 'header' | 'path' | 'query'; required: boolean; schemaRef: string; numeric: boolean }[];
  /**
   * `security: []`: a public page (the receipt's progress link, opened by phones), not a terminal call. Public
   * operations are listed apart (`publicOperations`): the terminal's client and signature cover the others only.
   */
  public: boolean;
}

const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;
const pointer = (...parts: string[]) => '#/' + parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

type Json = Record<string, unknown>;

function resolve(ref: string): Json {
  let node: unknown = openapiDocument;
  for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node as Json;
}

function listOperations(): OperationInfo[] {
  const out: OperationInfo[] = [];
  const paths = openapiDocument['paths'] as Record<string, Json>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const body = op['requestBody'] as { content?: Json } | undefined;
      const parameters: OperationInfo['parameters'] = [];
      const declared = [
        ...((item['parameters'] as Json[] | undefined) ?? []).map((p, i) => ({ p, ref: pointer('paths', path, 'parameters', String(i)) })),
        ...((op['parameters'] as Json[] | undefined) ?? []).map((p, i) => ({ p, ref: pointer('paths', path, method, 'parameters', String(i)) })),
      ];
      for (const { p, ref } of declared) {
        const resolved = p['$ref'] ? resolve(String(p['$ref'])) : p;
        const where = resolved['in'];
        // Nothing here validates cookie parameters: refuse such a document rather than skip them silently.
        if (where !== 'header' && where !== 'path' && where !== 'query') throw new Error(`${String(op['operationId'])}: ${String(where)} parameters are not supported`);
        const schemaRef = p['$ref'] ? `${String(p['$ref'])}/schema` : `${ref}/schema`;
        const type = (resolved['schema'] as Json | undefined)?.['type'];
        parameters.push({ name: String(resolved['name']), in: where, required: resolved['required'] === true, schemaRef, numeric: type === 'integer' || type === 'number' });
      }
      const maxResponseBytes = op['x-max-response-bytes'];
      if (typeof maxResponseBytes !== 'number' || !Number.isInteger(maxResponseBytes) || maxResponseBytes < 1) {
        throw new Error(`${String(op['operationId'])}: x-max-response-bytes must be a positive integer`);
      }
      out.push({
        operationId: String(op['operationId']),
        maxResponseBytes,
        method: method.toUpperCase(),
        path,
        idempotent: op['x-idempotent'] === true,
        jsonBody: Boolean(body?.content?.['application/json']),
        requestMediaTypes: Object.keys(body?.content ?? {}),
        responseStatuses: Object.keys((op['responses'] as Json) ?? {}),
        parameters,
        public: Array.isArray(op['security']) && (op['security'] as unknown[]).length === 0,
      });
    }
  }
  return out;
}

export interface ValidationIssue {
  path: string;
  message: string;
}

export type ValidationResult = { ok: true } | { ok: false; issues: ValidationIssue[] };

function toIssues(errors: ErrorObject[] | null | undefined): ValidationIssue[] {
  return (errors ?? []).slice(0, 20).map((e) => ({ path: e.instancePath || '/', message: e.message ?? 'invalid' }));
}

export class SpecValidator {
  /** The terminal API: every operation a terminal calls, signed. */
  readonly operations: ReadonlyMap<string, OperationInfo>;
  /** Public pages (`security: []`), e.g. the progress page of the receipt's QR link. */
  readonly publicOperations: ReadonlyMap<string, OperationInfo>;
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor() {
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema(openapiDocument, 'api');
    const all = listOperations();
    this.operations = new Map(all.filter((o) => !o.public).map((o) => [o.operationId, o]));
    this.publicOperations = new Map(all.filter((o) => o.public).map((o) => [o.operationId, o]));
  }

  operation(operationId: string): OperationInfo {
    const op = this.operations.get(operationId) ?? this.publicOperations.get(operationId);
    if (!op) throw new Error(`unknown operation ${operationId}`);
    return op;
  }

  private compiled(ref: string): ValidateFunction {
    let fn = this.cache.get(ref);
    if (!fn) {
      fn = this.ajv.compile({ $ref: `api${ref}` });
      this.cache.set(ref, fn);
    }
    return fn;
  }

  private run(ref: string, value: unknown): ValidationResult {
    const fn = this.compiled(ref);
    return fn(value) ? { ok: true } : { ok: false, issues: toIssues(fn.errors) };
  }

  /** Validates a JSON request body of an operation. */
  validateRequest(operationId: string, body: unknown): ValidationResult {
    const op = this.operation(operationId);
    if (!op.jsonBody) return { ok: true };
    return this.run(pointer('paths', op.path, op.method.toLowerCase(), 'requestBody', 'content', 'application/json', 'schema'), body);
  }

  /** Validates header, path and query parameters (header names case-insensitive; numeric ones coerced). */
  validateParameters(operationId: string, headers: Record<string, unknown>, params: Record<string, string>, query: Record<string, unknown> = {}): ValidationResult {
    const issues: ValidationIssue[] = [];
    for (const p of this.operation(operationId).parameters) {
      const raw = p.in === 'header' ? headers[p.name.toLowerCase()] : p.in === 'query' ? query[p.name] : params[p.name];
      const value = Array.isArray(raw) ? raw[0] : raw;
      if (value === undefined || value === '') {
        if (p.required) issues.push({ path: `${p.in}:${p.name}`, message: 'is required' });
        continue;
      }
      const coerced = p.numeric && /^-?\d+(\.\d+)?$/.test(String(value)) ? Number(value) : value;
      const r = this.run(p.schemaRef, coerced);
      if (!r.ok) issues.push(...r.issues.map((i) => ({ path: `${p.in}:${p.name}`, message: i.message })));
    }
    return issues.length ? { ok: false, issues } : { ok: true };
  }

  /**
   * Validates a response: its status must be declared by the operation (every error the platform returns is
   * described, so there is no `default` catch-all), and its body must match that status's schema; a status
   * declared without content must come without a body. `mediaType` is the answer's (JSON unless a page says
   * otherwise); it must be one the status declares.
   */
  validateResponse(operationId: string, status: number, body: unknown, mediaType = 'application/json'): ValidationResult {
    const op = this.operation(operationId);
    const key = String(status);
    if (!op.responseStatuses.includes(key)) return { ok: false, issues: [{ path: '/', message: `undeclared status ${status}` }] };
    const doc = openapiDocument as Json;
    const response = ((doc['paths'] as Json)[op.path] as Json)[op.method.toLowerCase()] as Json;
    let declaredRef = pointer('paths', op.path, op.method.toLowerCase(), 'responses', key);
    let declared = (response['responses'] as Json)[key] as Json;
    if (declared['$ref']) {
      declaredRef = String(declared['$ref']);
      declared = resolve(declaredRef);
    }
    if (!declared['content']) return body === undefined ? { ok: true } : { ok: false, issues: [{ path: '/', message: `status ${status} is declared without a body` }] };
    if (body === undefined) return { ok: false, issues: [{ path: '/', message: `status ${status} needs a body` }] };
    if (!(declared['content'] as Json)[mediaType]) return { ok: false, issues: [{ path: '/', message: `status ${status} is not declared as ${mediaType}` }] };
    return this.run(`${declaredRef}/content/${mediaType.replace(/~/g, '~0').replace(/\//g, '~1')}/schema`, body);
  }
}

let shared: SpecValidator | undefined;
/** One validator per process: compiling schemas is the expensive part. */
export function specValidator(): SpecValidator {
  shared ??= new SpecValidator();
  return shared;
}

// YAML for plain JSON data (objects, arrays, strings, numbers, booleans, null), block style, so a generated
// document reads like a written one. Every string is double-quoted with JSON escapes, which YAML reads the same,
// so no value can turn into another type (`on`, `1e3`, `null`) on the way back.
function scalar(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new TypeError(`not plain data: ${typeof value}`);
}

function key(k: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$.-]*$/.test(k) ? k : JSON.stringify(k);
}

function isBlock(value: unknown): value is object {
  return typeof value === 'object' && value !== null && (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0);
}

function empty(value: object): string {
  return Array.isArray(value) ? '[]' : '{}';
}

function lines(value: unknown, indent: string): string[] {
  const out: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isBlock(item)) {
        const inner = lines(item, `${indent}  `);
        out.push(`${indent}- ${inner[0]!.trimStart()}`, ...inner.slice(1));
      } else out.push(`${indent}- ${typeof item === 'object' && item !== null ? empty(item) : scalar(item)}`);
    }
    return out;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    if (isBlock(v)) out.push(`${indent}${key(k)}:`, ...lines(v, `${indent}  `));
    else out.push(`${indent}${key(k)}: ${typeof v === 'object' && v !== null ? empty(v) : scalar(v)}`);
  }
  return out;
}

export function toYaml(value: Record<string, unknown>, header = ''): string {
  return `${header}${lines(value, '').join('\n')}\n`;
}

// The configuration form's draft: a plain copy of the public config edited by dotted path. Values stay as
// typed (numbers parsed when they are numbers); main validates the whole with the schema and names the field.
export type Draft = Record<string, unknown>;

export function getAt(draft: Draft, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], draft);
}

export function setAt(draft: Draft, dotted: string, value: unknown): Draft {
  const next = structuredClone(draft);
  const keys = dotted.split('.');
  let cur = next as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]!] = value;
  return next;
}

/** "115200" → 115200; anything that is not a plain number stays text for the schema to refuse by name. */
export function numeric(text: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
}

export function toggle(list: unknown, item: string): string[] {
  const arr = Array.isArray(list) ? (list as string[]) : [];
  return arr.includes(item) ? arr.filter((x) => x !== item) : [...arr, item];
}

// Rows back to records: a record lists its fields by the kind of column they come from, so each mapping is one
// line a kind instead of one hand-written conversion a field. A field's column is its name in snake_case unless
// renamed; a field left out (or listed twice) is a type error, so a record and its mapping cannot drift apart.
export type Row = Record<string, unknown>;

const KINDS = {
  text: (v: unknown) => String(v),
  textOrNull: (v: unknown) => (v === null || v === undefined ? null : String(v)),
  number: (v: unknown) => Number(v),
  numberOrNull: (v: unknown) => (v === null || v === undefined ? null : Number(v)),
  flag: (v: unknown) => v === 1,
  json: (v: unknown) => JSON.parse(String(v)) as unknown,
  jsonOrNull: (v: unknown) => (v === null || v === undefined ? null : (JSON.parse(String(v)) as unknown)),
  /** As SQLite gives it (a BLOB as a Buffer), null when absent. */
  asIs: (v: unknown) => v ?? null,
} as const;
type Kind = keyof typeof KINDS;

type Columns<T> = { readonly [K in Kind]?: readonly (keyof T & string)[] };
type Listed<S> = { [K in keyof S]: S[K] extends readonly (infer F)[] ? F : never }[keyof S];
/** `never` (a type error at the call) when some field of T is not listed. */
type Complete<T, S> = [Exclude<keyof T, Listed<S>>] extends [never] ? S : never;

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** `rowReader<AlertRecord>()({ text: ['terminalId', ...], textOrNull: [...] })` → (row) => AlertRecord. */
export function rowReader<T>() {
  return <const S extends Columns<T>>(columns: Complete<T, S>, renamed: Partial<Record<keyof T & string, string>> = {}): ((r: Row) => T) => {
    const fields = (Object.entries(columns) as [Kind, readonly string[]][]).flatMap(([kind, names]) =>
      names.map((name) => [name, renamed[name as keyof T & string] ?? snake(name), KINDS[kind]] as const));
    return (r) => Object.fromEntries(fields.map(([name, column, read]) => [name, read(r[column])])) as T;
  };
}

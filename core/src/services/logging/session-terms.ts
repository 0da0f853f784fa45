// Names cannot be recognised by shape the way ID numbers can. While a resident session is open, its own
// personal values (name, English name, address, numbers) are registered here so the redactor scrubs them from
// free text too; they are forgotten when the session is wiped.
const terms = new Set<string>();

export function addSensitiveTerms(values: ReadonlyArray<string | null | undefined>): () => void {
  const added = values.map((v) => v?.trim() ?? '').filter((v) => [...v].length >= 2);
  for (const v of added) terms.add(v);
  return () => {
    for (const v of added) terms.delete(v);
  };
}

/** Replaces every registered term, longest first so a full name wins over a part of it. */
export function scrubSensitiveTerms(text: string): string {
  if (terms.size === 0) return text;
  let out = text;
  for (const term of [...terms].sort((a, b) => b.length - a.length)) out = out.split(term).join('[redacted]');
  return out;
}

// Character error rate as the fixture README suggests: NFKC-normalise, drop all whitespace, then
// Levenshtein distance over code points divided by the reference length.

export function normaliseForCer(text: string): string[] {
  return [...text.normalize('NFKC').replace(/\s+/gu, '')];
}

/** Edit distance between two code-point arrays (two-row dynamic programme, O(n·m) time, O(m) memory). */
export function editDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      curr[j] = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length]!;
}

/** CER of `hypothesis` against `reference`; 0 is perfect, may exceed 1 for very noisy output. */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const ref = normaliseForCer(reference);
  const hyp = normaliseForCer(hypothesis);
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  return editDistance(ref, hyp) / ref.length;
}

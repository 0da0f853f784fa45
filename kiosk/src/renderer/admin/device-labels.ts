// The dashboard's device rows in words: counters and capabilities by their labels (adminLabels namespace),
// booleans as 是/否, the paper state and alerts by name. Keys no label knows are shown as they are.
type Translate = (key: string, options?: Record<string, unknown>) => string;

export function labelledPairs(record: Record<string, string | number | boolean>, group: 'counters' | 'capabilities', t: Translate): string {
  const entries = Object.entries(record);
  if (entries.length === 0) return '—';
  return entries.map(([k, v]) => `${t(`${group}.${k}`, { defaultValue: k })}: ${typeof v === 'boolean' ? t(v ? 'yes' : 'no') : v}`).join(' · ');
}

export function paperLabel(paper: string, t: Translate): string {
  return t(`paper.${paper}`, { defaultValue: paper });
}

export function alertLabel(code: string, t: Translate): string {
  return t(`alerts.${code}`, { defaultValue: code });
}

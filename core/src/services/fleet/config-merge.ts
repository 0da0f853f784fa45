// A configPush carries only the settings it changes; admin's save takes the whole public config. The push is
// laid over the running config's public view (objects merged key by key, anything else replaced), and the result
// goes through the same save as the admin form, so the schema, production policy and PIN policy all apply.
import { publicView } from '../config/public-view';
import type { TerminalConfig } from '../config/schema';

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mergeValues(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = isPlain(v) && isPlain(base[k]) ? mergeValues(base[k], v) : structuredClone(v);
  return out;
}

export function pushedValues(current: TerminalConfig, patch: Record<string, unknown>): Record<string, unknown> {
  return mergeValues(publicView(current) as unknown as Record<string, unknown>, patch);
}

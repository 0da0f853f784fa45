// Fault injection for drills and tests: `latency=50,jitter=20,error5xx=0.1,reset=0.05,resetAfter=0.05,hang=0.01,slowBody=0.05`.
// `reset` drops the connection before handling; `resetAfter` handles (and commits) the request, then drops
// the connection instead of answering: the lost-response case that idempotency exists for.
export interface FaultSpec {
  latencyMs: number;
  jitterMs: number;
  error5xx: number;
  reset: number;
  resetAfter: number;
  hang: number;
  slowBody: number;
}

export const NO_FAULTS: FaultSpec = { latencyMs: 0, jitterMs: 0, error5xx: 0, reset: 0, resetAfter: 0, hang: 0, slowBody: 0 };

const KEYS: Record<string, keyof FaultSpec> = {
  latency: 'latencyMs', latencyms: 'latencyMs', jitter: 'jitterMs', jitterms: 'jitterMs', error5xx: 'error5xx', '5xx': 'error5xx',
  reset: 'reset', resetafter: 'resetAfter', hang: 'hang', slowbody: 'slowBody', slow: 'slowBody',
};

export function parseFaults(spec: string | Partial<FaultSpec> | undefined): FaultSpec {
  if (spec === undefined || spec === '') return { ...NO_FAULTS };
  if (typeof spec !== 'string') return { ...NO_FAULTS, ...spec };
  const out: FaultSpec = { ...NO_FAULTS };
  for (const part of spec.split(',')) {
    const [rawKey, rawValue] = part.split('=');
    const key = KEYS[(rawKey ?? '').trim().toLowerCase()];
    const value = Number(rawValue);
    if (!key || !Number.isFinite(value) || value < 0) throw new Error(`bad fault spec entry "${part}"`);
    if (key !== 'latencyMs' && key !== 'jitterMs' && value > 1) throw new Error(`fault rate must be 0..1: "${part}"`);
    out[key] = value;
  }
  return out;
}

export type FaultAction = 'none' | 'error5xx' | 'reset' | 'resetAfter' | 'hang' | 'slowBody';

/** Draws at most one fault per request, in a fixed order of precedence. */
export function drawFault(f: FaultSpec, random: () => number = Math.random): FaultAction {
  const order: [Exclude<FaultAction, 'none'>, number][] = [
    ['hang', f.hang], ['reset', f.reset], ['error5xx', f.error5xx], ['resetAfter', f.resetAfter], ['slowBody', f.slowBody],
  ];
  let r = random();
  for (const [action, p] of order) {
    if (r < p) return action;
    r -= p;
  }
  return 'none';
}

export function latencyFor(f: FaultSpec, random: () => number = Math.random): number {
  return f.latencyMs + (f.jitterMs > 0 ? random() * f.jitterMs : 0);
}

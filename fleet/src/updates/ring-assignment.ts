// Rings are the fleet's decision (terminal id -> ring), not a random id on the terminal: the first ring takes the
// pilot terminals by name, the others take shares of the rest in order. Within each street the terminals are dealt
// round-robin over the rings, so no ring holds a whole street: when a ring restarts, every street keeps terminals
// of another ring in service. The ring reaches the terminal as config `update.ring` (configPush).
export interface RingPlan {
  /** Ring names in rollout order, with their share of the terminals after the pilots (the shares sum to 1). */
  rings: Array<{ name: string; share: number }>;
  pilots?: { ring: string; terminalIds: string[] };
}

export interface TerminalPlace {
  terminalId: string;
  street: string;
}

export function assignRings(terminals: readonly TerminalPlace[], plan: RingPlan): Map<string, string> {
  const out = new Map<string, string>();
  const pilots = new Set(plan.pilots?.terminalIds ?? []);
  for (const t of terminals) if (pilots.has(t.terminalId)) out.set(t.terminalId, plan.pilots!.ring);
  const rest = terminals.filter((t) => !pilots.has(t.terminalId));
  // Interleave streets: the i-th terminal of every street comes before the (i+1)-th of any street.
  const byStreet = new Map<string, TerminalPlace[]>();
  for (const t of [...rest].sort((a, b) => a.terminalId.localeCompare(b.terminalId))) {
    const list = byStreet.get(t.street) ?? [];
    list.push(t);
    byStreet.set(t.street, list);
  }
  const dealt: TerminalPlace[] = [];
  for (let i = 0; dealt.length < rest.length; i++) for (const list of byStreet.values()) if (list[i]) dealt.push(list[i]!);
  // Quotas by largest remainder, then deal: terminal k goes to the ring whose quota is least filled.
  const quotas = plan.rings.map((r) => r.share * dealt.length);
  const counts = plan.rings.map((r, i) => Math.floor(quotas[i]!));
  let left = dealt.length - counts.reduce((a, b) => a + b, 0);
  const byRemainder = quotas.map((q, i) => ({ i, rem: q - Math.floor(q) })).sort((a, b) => b.rem - a.rem);
  for (const { i } of byRemainder) if (left-- > 0) counts[i]! += 1;
  const filled = plan.rings.map(() => 0);
  for (const t of dealt) {
    let best = -1;
    for (let i = 0; i < plan.rings.length; i++) {
      if (filled[i]! >= counts[i]!) continue;
      if (best < 0 || filled[i]! / counts[i]! < filled[best]! / counts[best]!) best = i;
    }
    filled[best]! += 1;
    out.set(t.terminalId, plan.rings[best]!.name);
  }
  return out;
}

// Which screen each window goes on. The counter's resident-facing display (叫号 / 好差评 pad) belongs on a screen
// other than the clerk's; with a single screen there is nowhere to put it, and the clerk's screen is not given away.
export interface DisplayLike {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

export function residentDisplay(all: readonly DisplayLike[], primary: DisplayLike): DisplayLike | null {
  return all.find((d) => d.id !== primary.id) ?? null;
}

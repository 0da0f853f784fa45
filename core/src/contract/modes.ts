// Who is calling. The mode of a window is held in main and never taken from the renderer.
import { z } from 'zod';

export const MODES = ['kiosk', 'counter', 'admin', 'display'] as const;
export const Mode = z.enum(MODES);
export type Mode = z.infer<typeof Mode>;

/** Modes a resident-facing or staff-facing screen may run as. `display` is the counter's resident-facing screen. */
export const ALL_MODES: readonly Mode[] = MODES;
export const STAFF_MODES: readonly Mode[] = ['counter', 'admin'];

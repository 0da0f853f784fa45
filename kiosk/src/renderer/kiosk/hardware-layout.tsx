// The terminal's hardware layout (config `hardwareLayout`, from terminal:info) for the screens that point at a
// part: the card reader, the receipt slot, the scanner, the 2D imager. The pictures and words follow the cabinet
// this terminal is, not a generic one.
import { createContext, useContext } from 'react';
import { DEFAULT_HARDWARE_LAYOUT, type FrontPart, type FrontPlace, type HardwareLayout } from '@easydo/core/contract/schemas/terminal';

export const HardwareLayoutContext = createContext<HardwareLayout>(DEFAULT_HARDWARE_LAYOUT);

export function usePlaceOf(part: FrontPart): FrontPlace {
  return useContext(HardwareLayoutContext)[part];
}

/** Where each place is drawn on the shelf below the screen (the drawing's x). */
const X: Record<FrontPlace, number> = { left: 62, centre: 120, right: 178 };

/**
 * The cabinet seen from the front: the screen on top, the shelf below it with the part asked for lit (pulsing,
 * with an arrow) at its configured place, the other places faint. `label` is its accessible name: what the
 * words beside it say, so it adds the picture, never new information.
 */
export function TerminalFrontArt({ part, label, testId = 'terminal-front' }: { part: FrontPart; label: string; testId?: string }) {
  const place = usePlaceOf(part);
  const x = X[place];
  const onShelf = part !== 'receiptSlot';
  return (
    <svg className="terminal-front" viewBox="0 0 240 250" width="240" height="250" role="img" aria-label={label} data-testid={testId} data-part={part} data-place={place}>
      <rect x="40" y="8" width="160" height="104" rx="8" fill="#e8eef6" stroke="#2b4a6f" strokeWidth="3" />
      <rect x="52" y="20" width="136" height="80" rx="4" fill="#ffffff" stroke="#2b4a6f" />
      <path d="M24 120 h192 l12 30 h-216 z" fill="#d5deea" stroke="#2b4a6f" strokeWidth="3" />
      <rect x="20" y="150" width="200" height="92" fill="#e8eef6" stroke="#2b4a6f" strokeWidth="3" />
      {(['left', 'centre', 'right'] as const).map((p) => (
        <rect key={p} x={X[p] - 22} y={onShelf ? 128 : 170} width="44" height={onShelf ? 14 : 8} rx="3" fill="none" stroke="#8aa0bb" strokeDasharray="4 3" />
      ))}
      <rect className="terminal-front-part" x={x - 22} y={onShelf ? 128 : 170} width="44" height={onShelf ? 14 : 8} rx="3" fill="#0b57a4">
        <animate attributeName="opacity" values="1;0.35;1" dur="1.6s" repeatCount="indefinite" />
      </rect>
      {part === 'receiptSlot' && <rect x={x - 16} y="178" width="32" height="34" fill="#ffffff" stroke="#2b4a6f" />}
      {part === 'cardReader' && <rect x={x - 18} y="96" width="36" height="24" rx="3" fill="#ffffff" stroke="#0b57a4" strokeWidth="2" />}
      {part === 'qrImager' && <rect x={x - 12} y="70" width="24" height="44" rx="4" fill="#1f2937" opacity="0.85" />}
      {part === 'scanner' && <rect x={x - 20} y="104" width="40" height="18" fill="#ffffff" stroke="#0b57a4" strokeWidth="2" />}
      <path d={onShelf ? `M${x} 60 v26 m-8 -8 l8 8 l8 -8` : `M${x} 236 v-16 m-8 8 l8 -8 l8 8`} stroke="#b42318" strokeWidth="4" fill="none" strokeLinecap="round" />
    </svg>
  );
}

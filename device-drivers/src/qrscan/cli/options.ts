// The CLI's flags, checked: bad input is a usage error (exit 64) that names the flag.
import { SUFFIXES, type Suffix } from '../protocol/framer';
import { SYMBOLOGIES, type Symbology } from '../protocol/commands';
import { CliError } from '../../device/cli';


export function numberOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new CliError(`--${name} must be a positive number, got "${value}"`, 64);
  return n;
}

export function suffixOption(value: string | undefined): Suffix {
  if (value === undefined) return 'cr';
  if (!(SUFFIXES as readonly string[]).includes(value)) throw new CliError(`--suffix is one of ${SUFFIXES.join('|')}, got "${value}"`, 64);
  return value as Suffix;
}

export function modeOption(value: string | undefined): 'trigger' | 'continuous' {
  if (value === undefined) return 'continuous';
  if (value !== 'trigger' && value !== 'continuous') throw new CliError(`--mode is trigger or continuous, got "${value}"`, 64);
  return value;
}

/** `--prefix` as text (`STX` style escapes as \xNN). */
export function prefixOption(value: string | undefined): Uint8Array | undefined {
  if (!value) return undefined;
  const text = value.replace(/\\x([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Uint8Array.from(Buffer.from(text, 'latin1'));
}

export function symbologyList(value: string | undefined, name: string): Symbology[] {
  if (!value) return [];
  const list = value.split(',').map((s) => s.trim());
  for (const s of list) if (!(SYMBOLOGIES as readonly string[]).includes(s)) throw new CliError(`--${name}: unknown symbology "${s}" (${SYMBOLOGIES.join(',')})`, 64);
  return list as Symbology[];
}

// Masking of phone numbers, for screens (the renderer's feedback form) and main alike. Names and card
// numbers are masked by the driver's rule (device-drivers/src/idcard/card/mask.ts), which main reaches
// through core/src/services/privacy/masking.ts; the renderer only ever receives them masked.

/** 13812345678 -> 138****5678: the first 3 and the last 4; 7 characters or fewer show nothing. */
export function maskPhone(value: string): string {
  const v = value.trim();
  if (v.length <= 7) return '*'.repeat(v.length);
  return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4);
}

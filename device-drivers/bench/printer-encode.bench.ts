// Receipt bytes built (plan + encode + native QR) as a ratio to iconv-encoding the same text alone,
// both measured in this run. Run: npx tsx device-drivers/bench/printer-encode.bench.ts
import iconv from 'iconv-lite';
import { planLayout } from '../src/printer/escpos/plan';
import { renderLayout } from '../src/printer/escpos/render';
import { PROFILES } from '../src/printer/profiles';
import { sampleReceipt } from '../src/printer/sample';

function timeMs(fn: () => void, iterations: number): number {
  for (let i = 0; i < Math.min(50, iterations); i++) fn(); // warm-up
  const t = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  return Number(process.hrtime.bigint() - t) / 1e6 / iterations;
}

const layout = sampleReceipt();
for (const profile of Object.values(PROFILES)) {
  const text = planLayout(layout, profile).flatMap((o) => (o.kind === 'line' ? [o.text] : [])).join('\n');
  const reference = timeMs(() => iconv.encode(text, profile.charset), 2000);
  const receipt = timeMs(() => renderLayout(layout, profile), 500);
  console.log(JSON.stringify({ bench: `printer.receiptBytes.${profile.name}`, ms: +receipt.toFixed(4), referenceMs: +reference.toFixed(4), reference: 'iconv.encode(same text)', ratio: +(receipt / reference).toFixed(1) }));
}

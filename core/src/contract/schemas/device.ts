// Device status as the renderer sees it; mirrors device-drivers/src/device/model.ts (the contract may not import it).
import { z } from 'zod';

export const DeviceStatus = z.enum(['online', 'offline', 'noDevice', 'hardwareError', 'userError', 'busy', 'starting']);
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const DeviceKind = z.enum(['idReader', 'receiptPrinter', 'a4Printer', 'scanner', 'documentCamera', 'qrScanner']);
export type DeviceKind = z.infer<typeof DeviceKind>;

const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const Stamp = z.object({ code: z.string(), message: z.string(), at: z.string() });

export const DeviceSnapshot = z.object({
  id: z.string(),
  kind: DeviceKind,
  status: DeviceStatus,
  required: z.boolean(),
  capabilities: z.record(z.string(), Scalar),
  counters: z.record(z.string(), z.number()),
  detail: z.record(z.string(), Scalar),
  lastError: Stamp.nullable(),
  alerts: z.array(Stamp),
});
export type DeviceSnapshot = z.infer<typeof DeviceSnapshot>;

/** What the terminal can offer right now, derived from required devices and the manual service state. */
export const ServiceState = z.object({
  inService: z.boolean(),
  /**
   * Features that work; the attract screen offers these when out of service. canSubmit: an application under
   * way can be submitted (every required device works, the receipt printer aside: the receipt goes on screen).
   */
  canSubmit: z.boolean(),
  canReadCard: z.boolean(),
  canPrint: z.boolean(),
  /** The receipt roll is nearly used up (it still prints): the attract screen says so before anyone starts. */
  paperLow: z.boolean().optional(),
  /** Why: `kind`, `status` and the driver's `fault` code are what screens translate; `message` is for logs. */
  reasons: z.array(
    z.object({ code: z.string(), deviceId: z.string().optional(), kind: DeviceKind.optional(), status: DeviceStatus.optional(), fault: z.string().optional(), message: z.string() }),
  ),
  manual: z.object({ outOfService: z.boolean(), reason: z.string() }).nullable(),
});
export type ServiceState = z.infer<typeof ServiceState>;

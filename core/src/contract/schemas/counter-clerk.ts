// Counter clerks as the counter screens see them. The clerk's token never leaves main.
import { z } from 'zod';

export const StaffId = z.string().regex(/^[A-Z0-9]{4,16}$/, 'staff id: 4-16 of A-Z and 0-9');

export const ClerkLoginRequest = z.object({ staffId: StaffId, password: z.string().min(1).max(128) }).strict();
export type ClerkLoginRequest = z.infer<typeof ClerkLoginRequest>;

export const ClerkView = z.object({
  staffId: z.string(),
  name: z.string(),
  windowNo: z.string(),
  department: z.object({ code: z.string(), name: z.string() }),
  signedInAt: z.string(),
  /** The window signs out by itself after this long without activity. */
  idleTimeoutSeconds: z.number().int().positive(),
});
export type ClerkView = z.infer<typeof ClerkView>;

export const ClerkState = z.object({ clerk: ClerkView.nullable() });
export type ClerkState = z.infer<typeof ClerkState>;

// The application desk as its users see it (journey, counter): prepare a form, the form as it will be submitted,
// submit. application-desk.ts implements it; tests may plug their own.
import type { NewMaterial } from '@easydo/backend-client/outbox/journal';
import type { MaterialFieldCheck } from '@easydo/backend-client/types';
import type { FormValue, PreparedForm, SubmitApplicationRequest, SubmitApplicationResponse } from '@easydo/core/contract/schemas/application';
import type { CardSession } from '../session/card-session';

/** What a submission carries besides the form: who took it, and the materials as built PDFs. */
export interface SubmitExtras {
  channel?: 'kiosk' | 'counter';
  /** Counter mode: the signed-in clerk's token, stamped on the application. */
  clerkToken?: string;
  materials?: NewMaterial[];
  /** Per material code, what was read off its pages and checked (no values): carried to the back office. */
  materialChecks?: Record<string, MaterialFieldCheck[]>;
  /** Runs once the application and its materials are in the journal (the session's page images can go). */
  onJournaled?: () => Promise<void>;
}

export interface ApplicationDesk {
  prepare(session: CardSession, itemCode: string): Promise<PreparedForm>;
  /**
   * The form as submit() would send it: the typed values over what the form was prepared with (card and resource
   * library), this card family's fields only. What the materials read is checked against this, not the typed part alone.
   */
  formAsSubmitted(session: CardSession, itemCode: string, typed: Record<string, FormValue>): Promise<Record<string, FormValue>>;
  submit(session: CardSession, request: SubmitApplicationRequest, extras?: SubmitExtras): Promise<SubmitApplicationResponse>;
}

// The seams between the terminal's use cases and the concrete drivers / backend. The composition root
// (terminal/compose.ts) plugs real implementations in; tests may plug their own.
import type { Unsubscribe } from '@easydo/device-drivers/device/model';
import type { NewMaterial } from '@easydo/backend-client/outbox/journal';
import type { MaterialFieldCheck } from '@easydo/backend-client/types';
import type { CatalogueView } from '@easydo/core/contract/schemas/catalogue';
import type { FormValue, PreparedForm, SubmitApplicationRequest, SubmitApplicationResponse } from '@easydo/core/contract/schemas/application';
import type { CardRecord } from '../session/card-record';
import type { CardSession } from '../session/card-session';

export interface CardSource {
  onCardRead(listener: (card: CardRecord) => void): Unsubscribe;
  onCardRemoved(listener: () => void): Unsubscribe;
  /** A card lies on the reader but could not be read, after the reader's own retries (dirty chip, placed askew). */
  onCardUnreadable(listener: () => void): Unsubscribe;
}

/** Only present when the reader is the simulator (development, demos, tests). */
export interface ReaderSimulatorControl {
  cards(): Array<{ id: string; label: string; cardType: string }>;
  /** `unreadable`: the card lies there but every read fails (until it is removed), as a dirty chip does. */
  place(cardId: string, options?: { unreadable?: boolean }): void;
  remove(): void;
}

export interface CatalogueSource {
  get(): Promise<CatalogueView>;
}

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

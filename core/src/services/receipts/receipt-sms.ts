// 短信回执: when the slip could not be printed (paper out mid-visit), the platform texts the acceptance number and
// query password to the mobile number on the application's form. Only for the session's own cardholder and an
// accepted application; main reads the phone from the journal (the screen never holds it) and shows it masked.
import type { BackendClient } from '@easydo/backend-client/client';
import type { Journal } from '@easydo/backend-client/outbox/journal';
import type { LocalApplication } from '@easydo/backend-client/outbox/journal-types';
import { BackendError } from '@easydo/backend-client/errors';
import { Failure } from '../errors/failure';
import { maskPhone } from '../privacy/masking';
import type { CardRecord } from '../session/card-record';

const MOBILE = /^1[3-9]\d{9}$/;

/** The applicant's own mobile number (the catalogue's contactPhone field, prefilled or typed), or null. */
export function smsPhoneOf(app: LocalApplication): string | null {
  const phone = app.submission?.form['contactPhone'];
  return typeof phone === 'string' && MOBILE.test(phone) ? phone : null;
}

/**
 * One text per application per session: a second tap (or a looping screen) would text the password again and
 * cost an SMS each time. Keyed on the session object, so the record goes with the session.
 */
export class ReceiptSmsOnce {
  private readonly sent = new WeakMap<object, Set<string>>();

  async send(deps: { journal: Pick<Journal, 'get'>; client: BackendClient }, session: object, card: CardRecord, localId: string): Promise<{ sentTo: string }> {
    const ids = this.sent.get(session) ?? new Set<string>();
    this.sent.set(session, ids);
    if (ids.has(localId)) throw new Failure('state', 'The receipt SMS was already sent in this session', 'sms-already-sent');
    ids.add(localId); // before the await: two taps at once send one text
    try {
      return await sendReceiptSms(deps, card, localId);
    } catch (err) {
      ids.delete(localId); // nothing was sent: the resident may try again
      throw err;
    }
  }
}

export async function sendReceiptSms(deps: { journal: Pick<Journal, 'get'>; client: BackendClient }, card: CardRecord, localId: string): Promise<{ sentTo: string }> {
  let app;
  try {
    app = await deps.journal.get(localId);
  } catch {
    throw new Failure('validation', 'Unknown application', 'not-found');
  }
  if (app.submission?.applicant.idNumber !== card.idNumber) throw new Failure('forbidden', 'This application does not belong to the current session', 'not-yours');
  if (!app.receipt) throw new Failure('state', 'The application has no acceptance number yet', 'no-number');
  const phone = smsPhoneOf(app);
  if (!phone) throw new Failure('validation', 'The form has no mobile number to text', 'no-phone');
  try {
    await deps.client.sendReceiptSms({ acceptanceNumber: app.receipt.acceptanceNumber, queryPassword: app.receipt.queryPassword, phone });
  } catch (err) {
    if (err instanceof BackendError) throw new Failure('backend', `The receipt SMS could not be sent (${err.code})`, 'unreachable');
    throw err;
  }
  return { sentTo: maskPhone(phone) };
}

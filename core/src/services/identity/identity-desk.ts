// Identity without the card (亮码办事) and card plus code. The desk waits for a phone code on the 2D scanner,
// has the platform verify it (the terminal never keeps or logs the code: it is dropped once the answer is in)
// and starts a resident session with the verified identity, or checks that the code is the cardholder's.
// Items may need the physical card (人证合一) or card plus code (config.identity).
import type { BackendClient } from '@easydo/backend-client/client';
import type { IdentityVerification } from '@easydo/backend-client/types';
import type { CodeIdentity, CodeKind, IdentityOptions, ItemIdentityNeed } from '@easydo/core/contract/schemas/identity-code';
import { QrScanError } from '@easydo/device-drivers/qrscan/errors';
import type { QrScannerService } from '@easydo/device-drivers/qrscan/scanner/service';
import type { IdentityConfig } from '../config/qr-scanner-config';
import { Failure } from '../errors/failure';
import { BackendError } from '@easydo/backend-client/errors';
import type { SessionManager } from '../session/session-manager';
import type { CardSession } from '../session/card-session';
import { toMaskedCard } from '../session/card-record';
import { recordFromVerifiedIdentity } from './code-record';
import { platformRefusal, scanFailure } from './refusals';
import { identityOf, markIdentity } from '../session/session-identity';
import { parseReceiptQr } from '../journey/progress';

export interface IdentityDeskDeps {
  scanner: QrScannerService | null;
  client: BackendClient;
  sessions: SessionManager;
  config: () => { terminalId: string; identity: IdentityConfig; timeZone: string };
}

export class IdentityDesk {
  private scan: AbortController | null = null;

  constructor(private readonly d: IdentityDeskDeps) {}

  options(): IdentityOptions {
    const status = this.d.scanner?.snapshot().status;
    const { codeKinds, scanTimeoutSeconds } = this.d.config().identity;
    return { available: status === 'online' || status === 'busy', codeKinds, scanTimeoutSeconds };
  }

  /** A code alone: verified, then a resident session with that identity (a guest's session takes it). */
  async scanCode(codeKind: CodeKind): Promise<CodeIdentity> {
    const answer = await this.verify(codeKind, 'session');
    if (!answer.identity) throw new Failure('backend', 'the platform verified the code without an identity', 'code-malformed');
    const record = recordFromVerifiedIdentity(answer.identity);
    // A guest (browsing, then 办理) carries on as this resident, as when a card is placed: no wipe in between.
    const { session } = await this.d.sessions.cardPlaced(record, { askFirst: false });
    const evidence = { method: 'code' as const, codeKind, assurance: answer.assuranceLevel };
    markIdentity(session, evidence);
    return { card: toMaskedCard(record, new Date(), this.d.config().timeZone), ...evidence };
  }

  /** Card plus code: the code scanned now must be the cardholder's; the session is then card+code. */
  async confirmWithCode(session: CardSession, codeKind: CodeKind): Promise<CodeIdentity> {
    if (identityOf(session)?.method === 'code') throw new Failure('state', 'a code session has no card to match', 'physical-card-required');
    const answer = await this.verify(codeKind, 'card_match', session.card.idNumber);
    if (session.isEnded) throw scanFailure('cancelled');
    if (answer.sameAsCard !== true) throw new Failure('validation', 'the phone code is not the cardholder', 'code-not-same-person');
    const evidence = { method: 'card+code' as const, codeKind, assurance: answer.assuranceLevel };
    markIdentity(session, evidence);
    return { card: toMaskedCard(session.card, new Date(), this.d.config().timeZone), ...evidence };
  }

  /** A receipt's QR through the same scanner: checked to be a receipt code before the screen sees it. */
  async scanReceipt(): Promise<{ payload: string }> {
    const scanner = this.d.scanner;
    if (!scanner) throw new Failure('device', 'this terminal has no 2D scanner', 'no-code-scanner');
    this.scan?.abort();
    const scan = new AbortController();
    this.scan = scan;
    try {
      const { code } = await scanner.readCode({ timeoutMs: this.d.config().identity.scanTimeoutSeconds * 1000, signal: scan.signal });
      if (code.length > 500) throw new Failure('validation', 'not a receipt code', 'qr-unknown');
      parseReceiptQr(code); // throws qr-unknown for anything but a receipt's code (a phone code included)
      return { payload: code };
    } catch (err) {
      if (err instanceof Failure) throw err;
      throw scanFailure(err instanceof QrScanError ? err.code : 'cancelled');
    } finally {
      if (this.scan === scan) this.scan = null;
    }
  }

  cancel(): void {
    this.scan?.abort();
  }

  itemNeed(session: CardSession, itemCode: string): ItemIdentityNeed {
    const method = identityOf(session)?.method ?? null;
    const { physicalCardItems, cardPlusCodeItems } = this.d.config().identity;
    if (method === 'code' && (physicalCardItems.includes(itemCode) || cardPlusCodeItems.includes(itemCode))) return { need: 'physicalCard', method };
    if (method === 'card' && cardPlusCodeItems.includes(itemCode)) return { need: 'cardPlusCode', method };
    return { need: 'none', method };
  }

  /** Before the form opens and again at submission: the item's identity rule, refused with its reason. */
  assertItemAllowed(session: CardSession, itemCode: string): void {
    const { need } = this.itemNeed(session, itemCode);
    if (need === 'physicalCard') throw new Failure('state', 'this item needs the physical card', 'physical-card-required');
    if (need === 'cardPlusCode') throw new Failure('state', 'this item needs card plus code', 'card-plus-code-required');
  }

  private async verify(codeKind: CodeKind, purpose: 'session' | 'card_match', cardIdNumber?: string): Promise<Extract<IdentityVerification, { outcome: 'verified' }>> {
    const scanner = this.d.scanner;
    if (!scanner) throw new Failure('device', 'this terminal has no 2D scanner', 'no-code-scanner');
    if (!this.d.config().identity.codeKinds.includes(codeKind)) throw new Failure('validation', `code kind ${codeKind} is not accepted here`, 'code-kind-not-accepted');
    this.scan?.abort();
    const scan = new AbortController();
    this.scan = scan;
    // The scan stays cancellable (cancel(), the session's end) until the platform has answered.
    try {
      return await this.verifyScanned(scanner, scan.signal, codeKind, purpose, cardIdNumber);
    } finally {
      if (this.scan === scan) this.scan = null;
    }
  }

  private async verifyScanned(scanner: QrScannerService, signal: AbortSignal, codeKind: CodeKind, purpose: 'session' | 'card_match', cardIdNumber?: string): Promise<Extract<IdentityVerification, { outcome: 'verified' }>> {
    let code: string;
    try {
      code = (await scanner.readCode({ timeoutMs: this.d.config().identity.scanTimeoutSeconds * 1000, signal })).code;
    } catch (err) {
      throw scanFailure(err instanceof QrScanError ? err.code : 'cancelled');
    }
    let answer: IdentityVerification;
    try {
      answer = await this.d.client.verifyIdentityCode({
        code,
        codeKind,
        terminalId: this.d.config().terminalId,
        scannedAt: new Date().toISOString(),
        purpose,
        ...(cardIdNumber ? { cardIdNumber } : {}),
      });
    } catch (err) {
      if (!(err instanceof BackendError)) throw err;
      throw new Failure('backend', `the platform could not verify the code (${err.code})`, 'unreachable');
    } finally {
      code = ''; // the code is a live identity token: nothing keeps it past its one use
    }
    // Cancelled, or the session ended, while the platform was asked: its answer starts or marks nothing.
    if (signal.aborted) throw scanFailure('cancelled');
    if (answer.outcome === 'refused') throw platformRefusal(answer.reason);
    return answer;
  }
}

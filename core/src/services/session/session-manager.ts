// At most one resident session at a time. A new card read while a session is open replaces it only after the
// old one is wiped, so two residents' data never coexist in a session.
//
// A card placed on the reader (cardPlaced) is not always a new resident: the same card lifted and put back
// resumes the session (its idle limit still applies: an expired session is gone already), a guest who places
// a card carries on as that cardholder, and a different card while a cardholder's session is open is held
// aside until the screen asks whether to end the current session (resolveOtherCard). The held card is
// wiped when it leaves the reader, when the question is answered no, and when the session ends.
import { ResidentSession, type SessionEndReason } from './resident-session';
import type { CardRecord } from './card-record';
import { isSameCard } from './same-card';

type EndListener = (session: ResidentSession, reason: SessionEndReason) => void;
type StartListener = (session: ResidentSession) => void;

/** started: a new session (or a guest's) now holds this card; resumed: the session's own card came back; other: asked first. */
export type CardPlacement = { outcome: 'started' | 'resumed'; session: ResidentSession } | { outcome: 'other'; session: ResidentSession };

function overwrite(card: CardRecord): void {
  for (const key of Object.keys(card)) (card as unknown as Record<string, unknown>)[key] = '';
}

export class SessionManager {
  private active: ResidentSession | null = null;
  private otherCard: CardRecord | null = null;
  private readonly endListeners = new Set<EndListener>();
  private readonly startListeners = new Set<StartListener>();

  current(): ResidentSession | null {
    return this.active;
  }

  async start(card: CardRecord | null): Promise<ResidentSession> {
    if (this.active) await this.end('finished');
    const session = new ResidentSession(card);
    this.active = session;
    this.notifyStart(session);
    return session;
  }

  /**
   * A card was read on the reader: start, resume, take over a guest session, or hold it and ask. askFirst
   * false (a counter, where the clerk decides and no resident is asked) replaces the session as before.
   */
  async cardPlaced(card: CardRecord, options: { askFirst?: boolean } = {}): Promise<CardPlacement> {
    const session = this.active;
    if (session && !session.isEnded) {
      const own = session.card;
      if (!own) {
        session.adoptCard(card);
        this.notifyStart(session);
        return { outcome: 'started', session };
      }
      if (isSameCard(own, card)) {
        overwrite(card); // the session keeps the record it has; the fresh copy is not needed
        return { outcome: 'resumed', session };
      }
      if (options.askFirst === false) return { outcome: 'started', session: await this.start(card) };
      this.dropOtherCard();
      this.otherCard = card;
      return { outcome: 'other', session };
    }
    return { outcome: 'started', session: await this.start(card) };
  }

  /** Whether a different card is waiting for the resident's answer. */
  hasOtherCard(): boolean {
    return this.otherCard !== null;
  }

  /**
   * The screen's answer about the different card: yes ends the current session and starts one with it
   * (null when it already left the reader); no drops it and the current session carries on.
   */
  async resolveOtherCard(endCurrent: boolean): Promise<ResidentSession | null> {
    const card = this.otherCard;
    this.otherCard = null;
    if (!card) return null;
    if (!endCurrent) {
      overwrite(card);
      return null;
    }
    if (this.active) await this.end('card-replaced');
    const session = new ResidentSession(card);
    this.active = session;
    this.notifyStart(session);
    return session;
  }

  /** The card left the reader: a held different card is forgotten (the question no longer stands). */
  cardLeft(): boolean {
    return this.dropOtherCard();
  }

  async end(reason: SessionEndReason): Promise<boolean> {
    const session = this.active;
    this.dropOtherCard();
    if (!session) return false;
    this.active = null;
    try {
      await session.wipe();
    } finally {
      for (const l of [...this.endListeners]) l(session, reason);
    }
    return true;
  }

  onStart(listener: StartListener): () => void {
    this.startListeners.add(listener);
    return () => this.startListeners.delete(listener);
  }

  onEnd(listener: EndListener): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  private notifyStart(session: ResidentSession): void {
    for (const l of [...this.startListeners]) l(session);
  }

  private dropOtherCard(): boolean {
    if (!this.otherCard) return false;
    overwrite(this.otherCard);
    this.otherCard = null;
    return true;
  }
}

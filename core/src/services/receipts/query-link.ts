// What the receipt's QR code links to. Accepted: the platform's public progress page,
// https://<progressHost>/progress/<number>?t=<token>, whose token (an HMAC under this terminal's secret, see
// backend-client/src/progress-link.ts) lets whoever holds the slip see progress and carries neither the query
// password nor anything personal; a phone opens it, and the kiosk reads it back (journey/progress.ts).
import { progressPageUrl, progressToken } from '@easydo/backend-client/progress-link';

export type QueryLinkBuilder = (acceptanceNumber: string) => string;

export interface ProgressLinkConfig {
  /** config.progressHost */
  progressHost: string;
  /** config.terminalSecret: the platform checks the token with the issuing terminal's secret. */
  terminalSecret: string;
}

export function progressLinkBuilder(config: ProgressLinkConfig): QueryLinkBuilder {
  return (acceptanceNumber) => progressPageUrl(config.progressHost, acceptanceNumber, progressToken(config.terminalSecret, acceptanceNumber));
}

/** Offline receipts link to the terminal's local lookup by tracking code (no number exists yet). */
export function offlineTrackingLink(trackingCode: string): string {
  return `easydo://track?code=${encodeURIComponent(trackingCode)}`;
}

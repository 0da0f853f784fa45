// What the receipt's QR code links to. One function, so the lead can point it at the real progress-query
// page (e.g. an https URL of the provincial platform) without touching layouts.
export interface QueryLinkInput {
  acceptanceNumber: string;
  queryPassword: string;
}

export type QueryLinkBuilder = (input: QueryLinkInput) => string;

export const progressQueryLink: QueryLinkBuilder = ({ acceptanceNumber, queryPassword }) =>
  `easydo://query?no=${encodeURIComponent(acceptanceNumber)}&pw=${encodeURIComponent(queryPassword)}`;

/** Offline receipts link to the terminal's local lookup by tracking code (no password exists yet). */
export function offlineTrackingLink(trackingCode: string): string {
  return `easydo://track?code=${encodeURIComponent(trackingCode)}`;
}

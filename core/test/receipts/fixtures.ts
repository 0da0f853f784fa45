// Synthetic receipt data built on fixtures/idcard/cardholders.json (invented people only).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AcceptanceReceiptData } from '../../src/services/receipts/receipt-data';
import { progressLinkBuilder } from '../../src/services/receipts/query-link';

const holders = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../fixtures/idcard/cardholders.json'), 'utf8')) as { id: string; name: string; idNumber: string }[];
export const RESIDENT = holders.find((h) => h.id === 'res01')!;

export const ACCEPTED = {
  centre: '深圳市福田区莲花街道党群服务中心',
  terminalId: 'FT-LH-KIOSK-03',
  itemName: '城乡居民基本养老保险参保登记',
  itemCode: '440304-SB-0012',
  applicantName: RESIDENT.name,
  applicantIdNumber: RESIDENT.idNumber,
  submittedAt: '2025-01-02T01:30:00Z',
  materials: [
    { name: '居民身份证', copies: 1, form: '原件核验' },
    { name: '户口簿本人页复印件', copies: 2, form: '复印件' },
  ],
  nextStep: '工作人员将在1个工作日内审核，结果以短信通知',
  timeLimit: '自受理之日起5个工作日',
  outcome: { kind: 'accepted', acceptanceNumber: 'FT2025010200123', queryPassword: '836412' },
  hotline: '12345',
} satisfies AcceptanceReceiptData;

export const OFFLINE = { ...ACCEPTED, outcome: { kind: 'offline', trackingCode: 'LOCAL-7F3K-92QD' } } satisfies AcceptanceReceiptData;

/** The QR link as a terminal of this synthetic config prints it. */
export const LINK_CONFIG = { progressHost: 'progress.sz.example.invalid', terminalSecret: 'a-synthetic-terminal-secret-0001' };
export const QUERY_LINK = progressLinkBuilder(LINK_CONFIG);

// The checks of what was read, as the kiosk's and the counter's screens receive them: per page, mismatches first,
// values masked by the card's rule, "nothing read" once per material, nothing before OCR has finished. Pages are
// the fixture documents' printed lines (invented people; res01/res02 are the ID-card fixtures' cardholders).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../src/services/materials/ocr-pool';
import { materialFieldsReport } from '../../src/services/materials/fields/material-report';
import { maskRead, pageChecksOf } from '../../src/services/journey/material-checks';
import { MaterialsState, PageChecks } from '../../src/contract/schemas/journey-materials';
import { FIXTURES } from './fixtures';

function lines(text: string): OcrLine[] {
  return text.trim().split('\n').flatMap((row, r) => {
    let x = 100;
    return row.split(' ').map((p) => {
      const box = { text: p, bbox: { x0: x, y0: 100 + r * 60, x1: x + p.length * 40, y1: 145 + r * 60 }, confidence: 96 };
      x += p.length * 40 + 80;
      return box;
    });
  });
}

const LEASE = lines(readFileSync(path.join(FIXTURES, 'lease-contract.gt.txt'), 'utf8'));
const RES01 = { name: '卓岚', idNumber: '440304199604122469', address: '广东省深圳市福田区莲花街道青枫社区枫溪路27号翠湖苑4栋602', birthDate: '19960412' };
const RES02 = { name: '艾克拜尔江·阿不都热合曼买买提', idNumber: '440305198309171139', birthDate: '19830917' };

type Page = { id: string; materialCode: string | null; ocr: 'queued' | 'running' | 'done' | 'failed' | 'cancelled'; lines: OcrLine[] };
const reports = (pages: Page[], card: typeof RES01 | typeof RES02 | null, form: Record<string, string> = {}) => (code: string) =>
  materialFieldsReport(code, pages.filter((p) => p.materialCode === code && p.ocr === 'done').map((p) => ({ pageId: p.id, lines: p.lines })), card, form);

describe('page checks for the screens', () => {
  it("the cardholder's own lease: name and ID number agree, the number shown masked", () => {
    const pages: Page[] = [{ id: 'p1', materialCode: 'LEASE', ocr: 'done', lines: LEASE }];
    const checks = pageChecksOf(pages, reports(pages, RES01), RES01).get('p1')!;
    expect(PageChecks.parse(checks)).toEqual({
      state: 'checked',
      checks: [
        { against: 'card.name', formLabel: null, status: 'match', readMasked: '卓*' },
        { against: 'card.idNumber', formLabel: null, status: 'match', readMasked: '440304********2469' },
      ],
    });
  });

  it("someone else's lease: mismatches, never a full number or name in what the screen receives", () => {
    const pages: Page[] = [{ id: 'p1', materialCode: 'LEASE', ocr: 'done', lines: LEASE }];
    const checks = pageChecksOf(pages, reports(pages, RES02), RES02).get('p1')!;
    expect(checks.checks.map((c) => [c.against, c.status])).toEqual([
      ['card.name', 'mismatch'],
      ['card.idNumber', 'mismatch'],
    ]);
    const sent = JSON.stringify(checks);
    for (const secret of ['440305197203154416', '440304199604122469', '杜明川', '卓岚', '翠湖苑']) expect(sent).not.toContain(secret);
  });

  it('a misread number is unreadable, listed before the matches', () => {
    const pages: Page[] = [{ id: 'p1', materialCode: 'ID_CARD', ocr: 'done', lines: lines('姓名 卓岚\n公民身份号码 440304199604122468') }];
    const checks = pageChecksOf(pages, reports(pages, RES01), RES01).get('p1')!;
    expect(checks.checks.map((c) => [c.against, c.status, c.readMasked])).toEqual([
      ['card.idNumber', 'unreadable', '440304********2468'],
      ['card.name', 'match', '卓*'],
    ]);
  });

  it('a typed form value is checked with its label; a contract number has no masked form and is not sent', () => {
    const pages: Page[] = [{ id: 'p1', materialCode: 'LEASE', ocr: 'done', lines: LEASE }];
    const form = { rentalContractNumber: 'SZFT-ZL-2026-0999' };
    const label = (key: string) => (key === 'rentalContractNumber' ? { zh: '租赁合同编号', en: 'Rental contract number' } : null);
    const checks = pageChecksOf(pages, reports(pages, RES01, form), RES01, form, label).get('p1')!;
    expect(checks.checks.map((c) => [c.against, c.status, c.readMasked, c.formLabel?.zh ?? null])).toEqual([
      ['form.rentalContractNumber', 'mismatch', null, '租赁合同编号'],
      ['card.name', 'match', '卓*', null],
      ['card.idNumber', 'match', '440304********2469', null],
    ]);
  });

  it('nothing to compare read off a material: said once, on its first read page, only when every page is read', () => {
    const blank = lines('第2页 共3页\n第五条 房屋交付');
    const pages: Page[] = [
      { id: 'a', materialCode: 'LEASE', ocr: 'done', lines: blank },
      { id: 'b', materialCode: 'LEASE', ocr: 'running', lines: [] },
    ];
    expect(pageChecksOf(pages, reports(pages, RES01), RES01).size).toBe(0); // page b still being read
    pages[1]!.ocr = 'done';
    pages[1]!.lines = blank;
    const checks = pageChecksOf(pages, reports(pages, RES01), RES01);
    expect([...checks]).toEqual([['a', { state: 'nothingRead', checks: [] }]]);
    // Without a card nor form values there is nothing a lease could be compared with: nothing to say.
    expect(pageChecksOf(pages, reports(pages, null), null).size).toBe(0);
  });

  it('pages not filed, or filed under a material without fixed fields, get no checks', () => {
    const pages: Page[] = [
      { id: 'x', materialCode: null, ocr: 'done', lines: LEASE },
      { id: 'y', materialCode: 'DEED', ocr: 'done', lines: LEASE },
    ];
    expect(pageChecksOf(pages, reports(pages, RES01), RES01).size).toBe(0);
  });

  it('masks names, Latin names, ID numbers and credit codes; addresses and dates have no masked form', () => {
    expect(maskRead({ against: 'card.name', fields: ['party1.name'], read: '阿依古丽·努尔兰' })).toBe('阿***·***');
    expect(maskRead({ against: 'card.name', fields: ['name'], read: 'OKAFOR, CHIDI' })).toBe('O*****, C****');
    expect(maskRead({ against: 'form.creditCode', fields: ['creditCode'], read: '92440300MA5GQ3R885' })).toBe('924403********R885');
    expect(maskRead({ against: 'card.address', fields: ['address'], read: '深圳市福田区莲花街道' })).toBeNull();
    expect(maskRead({ against: 'card.birthDate', fields: ['birthDate'], read: '1996-04-12' })).toBeNull();
  });

  it('the contract refuses a page view without its checks', () => {
    const state = { itemCode: 'X', checklist: { materials: [], missing: [], complete: true, unassignedPages: [] }, certificates: [] };
    const page = { id: 'p', source: 'scanner', materialCode: null, suggestedCode: null, ocr: 'done', progress: 1, trust: 'C', thumbnailBase64: '' };
    expect(MaterialsState.safeParse({ ...state, pages: [page] }).success).toBe(false);
    expect(MaterialsState.safeParse({ ...state, pages: [{ ...page, fieldChecks: { state: 'none', checks: [] } }] }).success).toBe(true);
  });
});

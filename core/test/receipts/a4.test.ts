// A4 PDFs: pdftotext finds every field (so the CJK font is embedded with a text layer), identifiers are
// masked, and a job printed through the CUPS queue "PDF" (cups-pdf) produces a file.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAcceptanceReceiptPdf, buildApplicationPdf, buildNoticePdf, printPdfWithLp, type NoticePdfData } from '../../src/services/receipts/index';
import { ACCEPTED, OFFLINE, QUERY_LINK, RESIDENT } from './fixtures';

const ART = path.resolve(import.meta.dirname, '../../../test-artifacts/receipts/a4');
mkdirSync(ART, { recursive: true });
const CI = process.env.CI === 'true';

function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(ART, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

const squash = (s: string) => s.replace(/\s+/g, '');
const base = { organisation: '深圳市福田区政务服务数据管理局', docNumber: '深福政受〔2025〕123号', applicant: { name: RESIDENT.name, idNumber: RESIDENT.idNumber }, itemName: '城乡居民基本养老保险参保登记', acceptanceNumber: 'FT2025010200123', decidedAt: '2025-01-03T02:00:00Z' };
const NOTICES: NoticePdfData[] = [
  { ...base, kind: 'acceptance', timeLimit: '自受理之日起5个工作日', nextStep: '审核通过后短信通知领取结果' },
  { ...base, kind: 'rejection', reasons: ['申请事项不属于本机关职权范围'], legalBasis: '《中华人民共和国行政许可法》第三十二条', remedy: '可在收到本通知之日起六十日内申请行政复议，或六个月内提起行政诉讼。' },
  { ...base, kind: 'correction', items: [{ material: '户口簿本人页复印件', requirement: '复印件不清晰，请提供清晰复印件' }], deadline: '2025年1月31日前' },
];

describe('A4 PDFs', () => {
  it('the 受理回执 PDF has every field as extractable text, masked, and stays small', async () => {
    const pdf = await buildAcceptanceReceiptPdf(ACCEPTED, QUERY_LINK);
    const text = pdfText(pdf, 'acceptance-receipt');
    for (const f of ['受理回执', ACCEPTED.centre, ACCEPTED.itemName, ACCEPTED.itemCode, 'FT2025010200123', '836412', '卓*', '440304********2469', '2025-01-0209:30', 'FT-LH-KIOSK-03', '居民身份证', '户口簿本人页复印件', ACCEPTED.nextStep, ACCEPTED.timeLimit]) {
      expect(text, f).toContain(squash(f));
    }
    expect(text).not.toContain(RESIDENT.idNumber);
    expect(pdf.length).toBeLessThan(200_000);
  });

  it('the offline receipt PDF says 已提交，待受理 with the tracking code', async () => {
    const text = pdfText(await buildAcceptanceReceiptPdf(OFFLINE, QUERY_LINK), 'offline-receipt');
    expect(text).toContain('已提交，待受理');
    expect(text).toContain('LOCAL-7F3K-92QD');
    expect(text).not.toContain('836412');
  });

  for (const notice of NOTICES) {
    it(`the ${notice.kind} notice has every field`, async () => {
      const text = pdfText(await buildNoticePdf(notice), `notice-${notice.kind}`);
      const expected = [base.organisation, base.docNumber, '卓*', '440304********2469', base.itemName, base.acceptanceNumber, '2025-01-03'];
      if (notice.kind === 'acceptance') expected.push('受理通知书', notice.timeLimit, notice.nextStep);
      if (notice.kind === 'rejection') expected.push('不予受理通知书', ...notice.reasons, notice.legalBasis, notice.remedy);
      if (notice.kind === 'correction') expected.push('补齐补正材料通知书', notice.items[0]!.material, notice.items[0]!.requirement, notice.deadline);
      for (const f of expected) expect(text, f).toContain(squash(f));
      expect(text).not.toContain(RESIDENT.idNumber);
    });
  }

  it('the application PDF has the form as submitted', async () => {
    const text = pdfText(
      await buildApplicationPdf({
        centre: ACCEPTED.centre,
        itemName: ACCEPTED.itemName,
        itemCode: ACCEPTED.itemCode,
        applicant: { name: RESIDENT.name, idNumber: RESIDENT.idNumber },
        submittedAt: ACCEPTED.submittedAt,
        reference: 'FT2025010200123',
        fields: [
          { label: '联系电话', value: '138****5678' },
          { label: '参保档次', value: '每年缴费 1200 元' },
          { label: '通讯地址', value: '广东省深圳市福田区莲花街道青枫社区' },
        ],
        materials: [{ name: '居民身份证', copies: 1 }],
      }),
      'application',
    );
    for (const f of ['申请表', 'FT2025010200123', ACCEPTED.itemName, '卓*', '440304********2469', '联系电话', '138****5678', '每年缴费1200元', '广东省深圳市福田区莲花街道青枫社区', '居民身份证（1份）']) expect(text, f).toContain(squash(f));
  });

  const cupsReady = spawnSync('lpstat', ['-p', 'PDF'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!cupsReady && !CI)('prints through the CUPS queue PDF (cups-pdf) and a PDF file appears', async () => {
    expect(cupsReady, 'CUPS queue "PDF" is missing: run cupsd and lpadmin -p PDF -v cups-pdf:/ -E -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd').toBe(true);
    const { jobId } = await printPdfWithLp(await buildAcceptanceReceiptPdf(ACCEPTED, QUERY_LINK), { queue: 'PDF', title: 'receipt-test' });
    expect(jobId).toMatch(/^PDF-\d+$/);
    const n = jobId.split('-')[1];
    const outDir = path.join(os.homedir(), 'PDF');
    // cups-pdf creates the file first and fills it through Ghostscript: wait until pdfinfo can read it.
    let info = '';
    for (let i = 0; i < 150 && !info; i++) {
      const found = existsSync(outDir) ? readdirSync(outDir).find((f) => f.endsWith(`job_${n}.pdf`)) : undefined;
      const r = found ? spawnSync('pdfinfo', [path.join(outDir, found)], { encoding: 'utf8' }) : null;
      if (r?.status === 0) info = r.stdout;
      else await new Promise((res) => setTimeout(res, 200));
    }
    expect(info, `no readable cups-pdf output for ${jobId} in ${outDir}`).not.toBe('');
    // cups-pdf re-renders through Ghostscript: CJK becomes Type 3 glyphs without text, so we only check a page exists.
    expect(info).toMatch(/Pages:\s+1/);
  });

  it('reports a missing queue as a typed lp error', async () => {
    await expect(printPdfWithLp(Buffer.from('%PDF-1.4'), { queue: 'NoSuchQueue', title: 't', lpPath: 'lp' })).rejects.toMatchObject({ code: expect.stringMatching(/lpFailed|lpMissing/) });
  });
});

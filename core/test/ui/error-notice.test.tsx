// ErrorNotice as a screen renders it (React to static markup, real i18next): the reason's words in the screen's
// language, each field named, and never the English log message that travels with the error.
import { describe, expect, it } from 'vitest';
import { createInstance } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ContractError } from '@easydo/core/contract/errors';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { errorsEn, errorsZh } from '@easydo/core/ui/errors/error-text';

async function render(error: ContractError, lng: 'zh-CN' | 'en', fieldLabel?: (path: string) => string | undefined): Promise<string> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ resources: { 'zh-CN': { errors: errorsZh }, en: { errors: errorsEn } }, lng, fallbackLng: 'zh-CN', interpolation: { escapeValue: false }, showSupportNotice: false });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <ErrorNotice error={error} fieldLabel={fieldLabel} />
    </I18nextProvider>,
  ).replace(/<[^>]+>/g, ' ');
}

describe('ErrorNotice', () => {
  it('says a paper-out print failure in words with what to do, never the log message', async () => {
    const error: ContractError = { code: 'device', message: 'The receipt could not be printed (paperOut)', reason: 'paperOut', params: { device: 'receiptPrinter' } };
    const zh = await render(error, 'zh-CN');
    expect(zh).toContain('回执打印机缺纸，请联系工作人员加纸。');
    expect(zh).not.toContain('could not be printed');
    expect(await render(error, 'en')).toContain('The receipt printer is out of paper. Please ask a member of staff to load paper.');
  });

  it('names each field of a refused form by its catalogue label, in the screen language', async () => {
    const error: ContractError = {
      code: 'validation',
      message: 'Some fields need attention',
      reason: 'form-invalid',
      issues: [
        { path: 'phone', message: 'Phone has the wrong format', problem: 'pattern', label: { zh: '联系电话', en: 'Phone' } },
        { path: 'months', message: 'Months is above 36', problem: 'max', params: { max: 36 }, label: { zh: '租期（月）', en: 'Lease (months)' } },
      ],
    };
    const zh = await render(error, 'zh-CN');
    expect(zh).toContain('联系电话：格式不正确');
    expect(zh).toContain('租期（月）：数值太大（最大 36）');
    expect(zh).not.toMatch(/Some fields need attention|wrong format/);
    const en = await render(error, 'en');
    expect(en).toContain('Phone: wrong format');
    expect(en).toContain('Lease (months): too large (at most 36)');
  });

  it('names a field the screen knows when the issue carries no label, and falls back to the code without a reason', async () => {
    const refused: ContractError = { code: 'validation', message: 'Not saved: terminalId: Invalid string', reason: 'invalid-config', issues: [{ path: 'terminalId', message: 'Invalid string: must match pattern' }] };
    const text = await render(refused, 'zh-CN', (p) => (p === 'terminalId' ? '终端编号' : undefined));
    expect(text).toContain('终端编号：值不符合要求');
    expect(text).not.toMatch(/Invalid|Not saved|terminalId/);
    expect(await render({ code: 'internal', message: 'Connection to the terminal lost' }, 'zh-CN')).toContain('系统出了点问题');
  });

  it('adds the wait a lockout carries', async () => {
    const locked: ContractError = { code: 'forbidden', message: 'This staff id is locked…', reason: 'locked', params: { retryAfterMinutes: 15 } };
    expect(await render(locked, 'zh-CN')).toContain('请 15 分钟后再试。');
    expect(await render(locked, 'en')).toContain('Try again in 15 min.');
  });
});

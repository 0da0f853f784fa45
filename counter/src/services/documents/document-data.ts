// From a journaled application (clear applicant data, held in main) and its catalogue item to the data the A4
// builders take. The builders mask names and ID numbers; form values of personal types are masked here.
import type { AcceptanceReceiptData, ApplicationPdfData } from '@easydo/core/services/receipts/index';
import { maskIdNumber, maskName, maskPhone } from '@easydo/core/services/privacy/masking';
import { trackingCodeOf } from '@easydo/core/services/applications/application-desk';
import type { TerminalContext } from '@easydo/core/services/terminal/context';
import type { CatalogueItem } from '../intake/materials-view';

export type JournaledApplication = Awaited<ReturnType<TerminalContext['applications']['records']['get']>>;
export type Applicant = NonNullable<JournaledApplication['submission']>['applicant'];

export function timeLimitText(item: CatalogueItem): string {
  return `自受理之日起${item.timeLimitWorkingDays}个工作日`;
}

function materialLines(app: JournaledApplication, item: CatalogueItem) {
  return app.materials.map((m) => ({
    name: item.materials.find((x) => x.code === m.code)?.name.zh ?? m.code,
    copies: m.pageCount,
    form: m.trustLevel === 'B' ? '已与原件核验' : '复印件',
  }));
}

export function receiptData(app: JournaledApplication, applicant: Applicant, item: CatalogueItem, centre: string, terminalId: string): AcceptanceReceiptData {
  const receipt = app.receipt;
  return {
    centre,
    terminalId,
    itemName: item.name.zh,
    itemCode: item.code,
    applicantName: applicant.name,
    applicantIdNumber: applicant.idNumber,
    submittedAt: receipt?.submittedAt ?? new Date(app.submittedAt ?? app.createdAt).toISOString(),
    materials: materialLines(app, item),
    nextStep: receipt
      ? `${item.department.name}将在办理时限内处理，可凭受理编号和查询密码查询进度。`
      : '本窗口将在网络恢复后自动提交申请，无需再次办理。',
    timeLimit: timeLimitText(item),
    outcome: receipt
      ? { kind: 'accepted', acceptanceNumber: receipt.acceptanceNumber, queryPassword: receipt.queryPassword }
      : { kind: 'offline', trackingCode: trackingCodeOf(app.localId) },
  };
}

export function applicationData(app: JournaledApplication, applicant: Applicant, item: CatalogueItem, centre: string): ApplicationPdfData {
  const form = app.submission?.form ?? {};
  const fields = item.fields
    .filter((f) => form[f.key] !== undefined && f.key !== 'sandboxOutcome')
    .map((f) => {
      const raw = String(form[f.key]);
      const value = f.type === 'idNumber' ? maskIdNumber(raw) : f.type === 'phone' ? maskPhone(raw) : raw === applicant.name ? maskName(raw) : raw;
      return { label: f.label.zh, value };
    });
  return {
    centre,
    itemName: item.name.zh,
    itemCode: item.code,
    applicant: { name: applicant.name, idNumber: applicant.idNumber },
    submittedAt: new Date(app.submittedAt ?? app.createdAt).toISOString(),
    reference: app.acceptanceNumber ?? trackingCodeOf(app.localId),
    fields,
    materials: materialLines(app, item).map((m) => ({ name: `${m.name}（${m.form}）`, copies: m.copies })),
  };
}

/** e.g. 440304MZ受〔2025〕000123号: department, decision year and the tail of the acceptance number. */
export function docNumber(deptCode: string, kind: 'acceptance' | 'rejection' | 'correction', acceptanceNumber: string, at: string): string {
  const word = { acceptance: '受', rejection: '不受', correction: '补正' }[kind];
  return `${deptCode}${word}〔${at.slice(0, 4)}〕${acceptanceNumber.slice(-6)}号`;
}

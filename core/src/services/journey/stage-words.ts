// Plain-language words for each stage of an application, in both languages: what happened, what comes next.
import type { LocalText } from '@easydo/core/contract/schemas/catalogue';
import type { ProgressStage } from '@easydo/core/contract/schemas/journey-progress';

export const STAGE_LABEL: Record<ProgressStage, LocalText> = {
  待提交: { zh: '已提交，待受理', en: 'Submitted, waiting to be received' },
  预受理: { zh: '预受理', en: 'Pre-check' },
  受理: { zh: '已受理', en: 'Accepted' },
  不予受理: { zh: '不予受理', en: 'Not accepted' },
  补齐补正: { zh: '需补齐补正材料', en: 'Documents needed' },
  办理中: { zh: '办理中', en: 'In progress' },
  办结: { zh: '已办结', en: 'Decided' },
  已领取: { zh: '已领取', en: 'Collected' },
};

const EXPLAIN: Record<ProgressStage, LocalText> = {
  待提交: {
    zh: '申请已保存在本终端，网络恢复后会自动提交，无需再次办理。',
    en: 'Your application is saved on this terminal and will be sent automatically when the network is back. You do not need to apply again.',
  },
  预受理: { zh: '材料已收到，工作人员正在核对。', en: 'We have your documents and staff are checking them.' },
  受理: { zh: '申请已正式受理，办理时限从今天开始计算。', en: 'Your application has been formally accepted. The time limit starts today.' },
  不予受理: { zh: '申请未被受理，原因见下方说明。', en: 'Your application was not accepted. The reason is shown below.' },
  补齐补正: {
    zh: '还需要补交下列材料，补齐后继续办理。',
    en: 'Please bring or upload the documents listed below. Work continues once they arrive.',
  },
  办理中: { zh: '部门正在审核办理。', en: 'The department is working on your application.' },
  办结: { zh: '已经办结，结果见下方说明。', en: 'A decision has been made. See the result below.' },
  已领取: { zh: '办理结果已领取，本次办理完成。', en: 'The result has been collected. This application is complete.' },
};

export function explain(stage: ProgressStage): LocalText {
  return EXPLAIN[stage];
}

// Reusable building blocks of the seeded catalogue: form fields and materials shared by many items.
// All invented for the sandbox; codes follow the shape of real 事项编码 but denote nothing real.
import type { FormField, RequiredMaterial } from '../../src/types';

const t = (zh: string, en: string) => ({ zh, en });

export const F = {
  name: { key: 'applicantName', label: t('申请人姓名', 'Applicant name'), type: 'text', required: true, prefill: 'card.name', editableWhenPrefilled: false },
  idNumber: { key: 'applicantIdNumber', label: t('证件号码', 'ID number'), type: 'idNumber', required: true, prefill: 'card.idNumber', editableWhenPrefilled: false },
  cardAddress: { key: 'cardAddress', label: t('证件地址', 'Address on ID card'), type: 'text', required: false, prefill: 'card.address', editableWhenPrefilled: false },
  phone: { key: 'contactPhone', label: t('联系电话', 'Contact phone'), type: 'phone', required: true, validation: { pattern: '^1[3-9][0-9]{9}$' }, prefill: 'library.contactPhone', editableWhenPrefilled: true },
  residence: { key: 'residenceAddress', label: t('居住地址', 'Residence address'), type: 'text', required: true, validation: { maxLength: 120 }, prefill: 'library.residenceAddress', editableWhenPrefilled: true },
  household: { key: 'householdAddress', label: t('户籍地址', 'Household registration address'), type: 'text', required: true, prefill: 'library.householdRegistration.address', editableWhenPrefilled: false, cardTypes: ['resident'] },
  householdKind: { key: 'householdKind', label: t('户口性质', 'Household type'), type: 'text', required: false, prefill: 'library.householdRegistration.kind', editableWhenPrefilled: false },
  rentalAddress: { key: 'rentalAddress', label: t('租赁房屋地址', 'Rented dwelling address'), type: 'text', required: true, prefill: 'library.housing.address', editableWhenPrefilled: true },
  contractNumber: { key: 'rentalContractNumber', label: t('租赁合同编号', 'Rental contract number'), type: 'text', required: true, validation: { pattern: '^[A-Z0-9-]{6,32}$' }, prefill: 'library.housing.contractNumber', editableWhenPrefilled: true },
  rentalStart: { key: 'rentalStart', label: t('租赁起始日期', 'Rental start date'), type: 'date', required: true, prefill: 'library.housing.rentalStart', editableWhenPrefilled: true },
  rentalEnd: { key: 'rentalEnd', label: t('租赁终止日期', 'Rental end date'), type: 'date', required: true, prefill: 'library.housing.rentalEnd', editableWhenPrefilled: true },
  area: { key: 'areaSqm', label: t('房屋面积(平方米)', 'Floor area (m²)'), type: 'number', required: true, validation: { min: 1, max: 2000 }, prefill: 'library.housing.areaSqm', editableWhenPrefilled: true },
  rent: { key: 'monthlyRentYuan', label: t('月租金(元)', 'Monthly rent (CNY)'), type: 'number', required: true, validation: { min: 0, max: 1000000 }, prefill: 'library.housing.monthlyRentYuan', editableWhenPrefilled: true },
  reason: { key: 'reason', label: t('申请事由', 'Reason for application'), type: 'textarea', required: true, validation: { maxLength: 500 }, editableWhenPrefilled: true },
  spouseName: { key: 'spouseName', label: t('配偶姓名', 'Spouse name'), type: 'text', required: true, validation: { maxLength: 32 }, editableWhenPrefilled: true },
  spouseId: { key: 'spouseIdNumber', label: t('配偶证件号码', 'Spouse ID number'), type: 'idNumber', required: true, validation: { pattern: '^[0-9A-Z]{15,18}$' }, editableWhenPrefilled: true },
  childName: { key: 'childName', label: t('子女姓名', 'Child name'), type: 'text', required: true, validation: { maxLength: 32 }, editableWhenPrefilled: true },
  childBirth: { key: 'childBirthDate', label: t('子女出生日期', 'Child date of birth'), type: 'date', required: true, editableWhenPrefilled: true },
  employer: { key: 'employerName', label: t('工作单位', 'Employer'), type: 'text', required: true, validation: { maxLength: 80 }, editableWhenPrefilled: true },
  monthlyIncome: { key: 'monthlyIncomeYuan', label: t('家庭月收入(元)', 'Household monthly income (CNY)'), type: 'number', required: true, validation: { min: 0, max: 1000000 }, editableWhenPrefilled: true },
  familySize: { key: 'familySize', label: t('家庭人口', 'Household size'), type: 'number', required: true, validation: { min: 1, max: 20 }, editableWhenPrefilled: true },
  companyName: { key: 'companyName', label: t('企业名称', 'Company name'), type: 'text', required: true, validation: { maxLength: 80 }, editableWhenPrefilled: true },
  creditCode: { key: 'creditCode', label: t('统一社会信用代码', 'Unified social credit code'), type: 'text', required: true, validation: { pattern: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$' }, editableWhenPrefilled: true },
  caseType: { key: 'caseType', label: t('案件类型', 'Case type'), type: 'select', required: true, editableWhenPrefilled: true, validation: { options: [
    { value: 'labour', label: t('劳动争议', 'Labour dispute') },
    { value: 'family', label: t('婚姻家庭', 'Marriage and family') },
    { value: 'injury', label: t('人身损害', 'Personal injury') },
    { value: 'other', label: t('其他', 'Other') },
  ] } },
  partyOrg: { key: 'partyOrganisation', label: t('转出党组织', 'Sending party organisation'), type: 'text', required: true, validation: { maxLength: 80 }, editableWhenPrefilled: true },
  targetOrg: { key: 'targetOrganisation', label: t('转入党组织', 'Receiving party organisation'), type: 'text', required: true, validation: { maxLength: 80 }, editableWhenPrefilled: true },
  location: { key: 'location', label: t('地点', 'Location'), type: 'text', required: true, validation: { maxLength: 120 }, editableWhenPrefilled: true },
  startDate: { key: 'startDate', label: t('开始日期', 'Start date'), type: 'date', required: true, editableWhenPrefilled: true },
  endDate: { key: 'endDate', label: t('结束日期', 'End date'), type: 'date', required: true, editableWhenPrefilled: true },
  quantity: { key: 'quantity', label: t('数量', 'Quantity'), type: 'number', required: true, validation: { min: 1, max: 1000 }, editableWhenPrefilled: true },
} satisfies Record<string, FormField>;

const m = (code: string, zh: string, en: string, extra: Partial<RequiredMaterial> = {}): RequiredMaterial => ({
  code, name: t(zh, en), count: 1, originalsRequired: false, electronicCertificateType: null, ocrKeywords: [zh], ...extra,
});

const FOREIGNERS: NonNullable<RequiredMaterial['cardTypes']> = ['foreigner_2017', 'foreigner_2023'];

export const M = {
  idCard: m('ID_CARD', '居民身份证', 'Resident ID card', { originalsRequired: true, electronicCertificateType: '居民身份证', ocrKeywords: ['居民身份证', '公民身份号码'], cardTypes: ['resident'] }),
  hmtPermit: m('HMT_PERMIT', '港澳台居民居住证', 'Residence permit for HK, Macao and Taiwan residents', { originalsRequired: true, ocrKeywords: ['港澳台居民居住证', '居住证'], cardTypes: ['hmt_permit'] }),
  foreignPr: m('FOREIGN_PR_CARD', '外国人永久居留身份证', 'Foreign permanent resident ID card', { originalsRequired: true, ocrKeywords: ['外国人永久居留身份证', '永久居留'], cardTypes: FOREIGNERS }),
  passport: m('PASSPORT', '护照', 'Passport', { originalsRequired: true, ocrKeywords: ['护照', 'PASSPORT'], cardTypes: FOREIGNERS }),
  // Only a mainland resident has a 户口簿; HK/Macao/Taiwan residents and foreigners are asked for HOUSEHOLD_DOCS' other variants.
  hukou: m('HUKOU', '户口簿', 'Household register', { originalsRequired: true, electronicCertificateType: '居民户口簿', ocrKeywords: ['常住人口登记卡', '户口簿', '户主'], cardTypes: ['resident'] }),
  hmtTravelPermit: m('HMT_TRAVEL_PERMIT', '港澳居民来往内地通行证或台湾居民来往大陆通行证', 'Mainland travel permit for Hong Kong, Macao or Taiwan residents', {
    originalsRequired: true, ocrKeywords: ['来往内地通行证', '来往大陆通行证', '通行证'], cardTypes: ['hmt_permit'],
  }),
  lease: m('LEASE', '房屋租赁合同', 'Housing lease contract', { originalsRequired: true, ocrKeywords: ['租赁合同', '房屋租赁', '出租人', '承租人'] }),
  leaseRecord: m('LEASE_RECORD', '房屋租赁登记备案证明', 'Lease registration certificate', { electronicCertificateType: '房屋租赁登记备案证明', ocrKeywords: ['租赁登记', '备案证明'] }),
  deed: m('DEED', '不动产权证书', 'Real-estate title certificate', { originalsRequired: true, electronicCertificateType: '不动产权证书', ocrKeywords: ['不动产权', '权利人'] }),
  marriage: m('MARRIAGE', '结婚证', 'Marriage certificate', { originalsRequired: true, electronicCertificateType: '结婚证', ocrKeywords: ['结婚证', '持证人', '登记日期'] }),
  birth: m('BIRTH', '出生医学证明', 'Medical birth certificate', { originalsRequired: true, electronicCertificateType: '出生医学证明', ocrKeywords: ['出生医学证明', '新生儿'] }),
  labourContract: m('LABOUR_CONTRACT', '劳动合同', 'Employment contract', { ocrKeywords: ['劳动合同', '甲方', '乙方', '用人单位'] }),
  application: m('APPLICATION_FORM', '申请书', 'Written application', { ocrKeywords: ['申请书', '申请人', '特此申请'] }),
  income: m('INCOME', '收入证明', 'Proof of income', { ocrKeywords: ['收入证明', '月收入'] }),
  disability: m('DISABILITY', '残疾人证', 'Disability certificate', { originalsRequired: true, electronicCertificateType: '残疾人证', ocrKeywords: ['残疾人证', '残疾等级'] }),
  photo: m('PHOTO', '近期免冠照片', 'Recent passport photo', { count: 2, ocrKeywords: [] }),
  licence: m('BUSINESS_LICENCE', '营业执照', 'Business licence', { originalsRequired: true, electronicCertificateType: '营业执照', ocrKeywords: ['营业执照', '统一社会信用代码'] }),
  partyLetter: m('PARTY_LETTER', '党组织关系介绍信', 'Party membership transfer letter', { originalsRequired: true, ocrKeywords: ['介绍信', '党员', '组织关系'] }),
  hardship: m('HARDSHIP', '经济困难证明', 'Proof of financial hardship', { ocrKeywords: ['经济困难', '证明'] }),
  evidence: m('EVIDENCE', '相关证据材料', 'Supporting evidence', { ocrKeywords: ['证据'] }),
  sitePlan: m('SITE_PLAN', '场地平面图', 'Site plan', { ocrKeywords: ['平面图'] }),
  employmentProof: m('EMPLOYMENT', '就业登记证明', 'Proof of employment registration', { electronicCertificateType: '就业创业证', ocrKeywords: ['就业创业证', '就业登记'] }),
  socialSecurity: m('SOCIAL_SECURITY', '社保缴费证明', 'Social insurance payment record', { ocrKeywords: ['社会保险', '缴费'] }),
  patent: m('PATENT', '专利证书', 'Patent certificate', { electronicCertificateType: '专利证书', ocrKeywords: ['专利证书', '专利号'] }),
} satisfies Record<string, RequiredMaterial>;

/** The applicant's own identity document, one variant per card family: each applicant is asked for theirs only. */
export const ID_DOCS: RequiredMaterial[] = [M.idCard, M.hmtPermit, M.foreignPr];

/**
 * Where an item asks a mainland resident for the 户口簿 (household registration: where one is registered, with whom),
 * what each card family can show instead: a HK/Macao/Taiwan resident their 来往内地（大陆）通行证 (the document of
 * origin their residence permit was issued on), a foreign permanent resident their passport. Nobody is asked for
 * a document their family cannot have.
 */
export const HOUSEHOLD_DOCS: RequiredMaterial[] = [M.hukou, M.hmtTravelPermit, M.passport];

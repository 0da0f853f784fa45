// The seeded service catalogue: 8 categories, 43 items. Invented for the sandbox (names follow common
// street-level 政务 services; codes, departments and conditions denote nothing real).
import type { Catalogue, CatalogueItem, Category, FormField, RequiredMaterial } from '../../src/types';
import { F, HOUSEHOLD_DOCS, ID_DOCS, M } from './catalogue-parts';

const t = (zh: string, en: string) => ({ zh, en });

export const CATEGORIES: Category[] = [
  { code: 'family-planning', name: t('计生服务', 'Family planning services') },
  { code: 'labour-security', name: t('劳动保障', 'Labour and social security') },
  { code: 'civil-affairs', name: t('民政业务', 'Civil affairs') },
  { code: 'housing-rental', name: t('房屋租赁', 'Housing rental') },
  { code: 'legal-aid', name: t('法律援助', 'Legal aid') },
  { code: 'urban-management', name: t('城管业务', 'Urban management') },
  { code: 'party-relations', name: t('组织关系', 'Party membership relations') },
  { code: 'economy-technology', name: t('经济科技服务', 'Economy and technology services') },
];

// Departments whose records are kept in Chinese only (invented) get bilingual receipts for English speakers.
const DEPTS = {
  health: { code: '440304HW', name: '区卫生健康局', nameEn: 'District Health Commission' },
  hrss: { code: '440304RS', name: '区人力资源局', nameEn: 'District Human Resources Bureau' },
  civil: { code: '440304MZ', name: '区民政局', nameEn: 'District Civil Affairs Bureau', chineseRecordRequired: true },
  housing: { code: '440304ZJ', name: '区住房和建设局', nameEn: 'District Housing and Construction Bureau' },
  justice: { code: '440304SF', name: '区司法局', nameEn: 'District Justice Bureau', chineseRecordRequired: true },
  urban: { code: '440304CG', name: '区城市管理和综合执法局', nameEn: 'District Urban Management Bureau' },
  party: { code: '440304ZZ', name: '街道党工委', nameEn: 'Sub-district Party Working Committee', chineseRecordRequired: true },
  economy: { code: '440304JK', name: '区工业和信息化局', nameEn: 'District Industry and IT Bureau' },
} as const;

/**
 * Items an applicant may do with an expired identity card (invented): 高龄津贴 is confirmed against the
 * household register, which the item asks for anyway. Every other item stops and points to the counter.
 */
const ACCEPTS_EXPIRED_CARD = new Set(['JF00302001']);

type Row = [code: string, zh: string, en: string, days: number, fields: FormField[], materials: RequiredMaterial[]];
type Group = { category: string; dept: keyof typeof DEPTS; legal?: boolean; rows: Row[] };

const basic = [F.name, F.idNumber, F.phone];
const rental = [F.rentalAddress, F.contractNumber, F.rentalStart, F.rentalEnd];

const GROUPS: Group[] = [
  { category: 'family-planning', dept: 'health', rows: [
    ['GF00101001', '生育登记', 'Birth registration', 5, [...basic, F.household, F.spouseName, F.spouseId], [...ID_DOCS, ...HOUSEHOLD_DOCS, M.marriage]],
    ['GF00101002', '再生育审批', 'Approval of an additional child', 20, [...basic, F.household, F.spouseName, F.spouseId, F.reason], [...ID_DOCS, ...HOUSEHOLD_DOCS, M.marriage, M.application]],
    ['JF00102001', '独生子女父母奖励', 'Only-child parents reward', 15, [...basic, F.household, F.childName, F.childBirth], [...ID_DOCS, ...HOUSEHOLD_DOCS, M.birth]],
    ['JF00102002', '计划生育家庭特别扶助', 'Special support for family-planning families', 20, [...basic, F.household, F.reason], [...ID_DOCS, ...HOUSEHOLD_DOCS, M.application]],
    ['GF00103001', '流动人口婚育证明', 'Marital and childbearing certificate for migrants', 3, [...basic, F.household, F.residence], [...ID_DOCS, ...HOUSEHOLD_DOCS, M.photo]],
    ['QR00104001', '出生医学证明补发登记', 'Medical birth certificate reissue', 10, [...basic, F.childName, F.childBirth, F.reason], [...ID_DOCS, M.application]],
  ] },
  { category: 'labour-security', dept: 'hrss', rows: [
    ['GF00201001', '就业登记', 'Employment registration', 5, [...basic, F.residence, F.employer], [...ID_DOCS, M.passport, M.labourContract]],
    ['GF00201002', '失业登记', 'Unemployment registration', 5, [...basic, F.residence, F.reason], [...ID_DOCS, ...HOUSEHOLD_DOCS]],
    ['GF00202001', '就业创业证申领', 'Employment and entrepreneurship card', 5, [...basic, F.residence], [...ID_DOCS, M.photo]],
    ['JF00203001', '灵活就业社保补贴', 'Social insurance subsidy for flexible employment', 20, [...basic, F.household, F.residence], [...ID_DOCS, M.employmentProof, M.socialSecurity]],
    ['QR00204001', '社会保险参保缴费证明', 'Social insurance contribution record', 1, [...basic], [...ID_DOCS]],
    ['GF00205001', '劳动合同备案', 'Employment contract filing', 5, [...basic, F.employer, F.startDate, F.endDate], [...ID_DOCS, M.labourContract]],
    ['JF00206001', '职业技能培训补贴', 'Vocational training subsidy', 15, [...basic, F.residence, F.reason], [...ID_DOCS, M.employmentProof, M.application]],
  ] },
  { category: 'civil-affairs', dept: 'civil', rows: [
    ['JF00301001', '最低生活保障', 'Minimum living allowance', 30, [...basic, F.household, F.residence, F.monthlyIncome, F.familySize], [...ID_DOCS, ...HOUSEHOLD_DOCS, M.income, M.application]],
    ['JF00301002', '临时救助', 'Temporary assistance', 10, [...basic, F.residence, F.reason], [...ID_DOCS, M.hardship, M.application]],
    ['JF00302001', '高龄津贴', 'Old-age allowance', 15, [...basic, F.household], [...ID_DOCS, ...HOUSEHOLD_DOCS]],
    ['JF00303001', '残疾人两项补贴', 'Disability living and care subsidies', 20, [...basic, F.household, F.residence], [...ID_DOCS, ...HOUSEHOLD_DOCS, M.disability]],
    ['JF00304001', '特困人员供养', 'Support for persons in extreme poverty', 30, [...basic, F.household, F.monthlyIncome, F.familySize], [...ID_DOCS, ...HOUSEHOLD_DOCS, M.income, M.application]],
    ['QR00305001', '婚姻登记记录证明', 'Marriage registration record', 5, [...basic, F.reason], [...ID_DOCS, ...HOUSEHOLD_DOCS]],
    ['GF00306001', '居家养老服务申请', 'Home-based elderly care', 10, [...basic, F.residence, F.reason], [...ID_DOCS, M.application]],
  ] },
  { category: 'housing-rental', dept: 'housing', rows: [
    ['XK00401001', '房屋租赁登记备案', 'Housing lease registration', 3, [...basic, ...rental, F.area, F.rent], [...ID_DOCS, M.lease, M.deed]],
    ['XK00401002', '房屋租赁备案变更', 'Change of lease registration', 3, [...basic, ...rental, F.reason], [...ID_DOCS, M.lease, M.leaseRecord]],
    ['XK00401003', '房屋租赁备案注销', 'Cancellation of lease registration', 3, [...basic, F.rentalAddress, F.contractNumber, F.reason], [...ID_DOCS, M.leaseRecord]],
    ['JF00402001', '公共租赁住房申请', 'Public rental housing application', 30, [...basic, F.household, F.residence, F.monthlyIncome, F.familySize], [...ID_DOCS, ...HOUSEHOLD_DOCS, M.income]],
    ['JF00403001', '住房租赁补贴', 'Rental subsidy', 20, [...basic, ...rental, F.rent, F.monthlyIncome], [...ID_DOCS, M.lease, M.income]],
  ] },
  { category: 'legal-aid', dept: 'justice', rows: [
    ['GF00501001', '法律援助申请', 'Legal aid application', 7, [...basic, F.residence, F.caseType, F.reason], [...ID_DOCS, M.hardship, M.evidence]],
    ['GF00501002', '法律咨询预约', 'Legal consultation booking', 3, [...basic, F.caseType, F.reason], [...ID_DOCS]],
    ['GF00502001', '人民调解申请', 'People\'s mediation application', 10, [...basic, F.caseType, F.reason], [...ID_DOCS, M.evidence]],
    ['QR00503001', '法律援助经济困难核查', 'Financial hardship verification for legal aid', 7, [...basic, F.household, F.monthlyIncome, F.familySize], [...ID_DOCS, ...HOUSEHOLD_DOCS, M.income]],
  ] },
  { category: 'urban-management', dept: 'urban', rows: [
    ['XK00601001', '临时占用道路审批', 'Temporary road occupation permit', 10, [...basic, F.location, F.startDate, F.endDate, F.reason], [...ID_DOCS, M.sitePlan, M.application]],
    ['XK00602001', '户外广告设置审批', 'Outdoor advertising permit', 15, [...basic, F.companyName, F.creditCode, F.location], [...ID_DOCS, M.licence, M.sitePlan]],
    ['XK00603001', '建筑垃圾处置核准', 'Construction waste disposal approval', 10, [...basic, F.location, F.quantity], [...ID_DOCS, M.application]],
    ['XK00604001', '城市绿地临时占用审批', 'Temporary green-space occupation permit', 15, [...basic, F.location, F.startDate, F.endDate], [...ID_DOCS, M.sitePlan]],
    ['QT00605001', '市容环境问题投诉', 'Cityscape complaint', 5, [...basic, F.location, F.reason], [M.evidence]],
  ] },
  { category: 'party-relations', dept: 'party', rows: [
    ['QT00701001', '党组织关系转入', 'Party membership transfer in', 5, [...basic, F.partyOrg, F.targetOrg], [...ID_DOCS, M.partyLetter]],
    ['QT00701002', '党组织关系转出', 'Party membership transfer out', 5, [...basic, F.partyOrg, F.targetOrg], [...ID_DOCS, M.application]],
    ['QT00702001', '流动党员登记', 'Mobile party member registration', 5, [...basic, F.residence, F.partyOrg], [...ID_DOCS, M.photo]],
    ['QR00703001', '党员身份证明', 'Proof of party membership', 3, [...basic, F.partyOrg], [...ID_DOCS]],
  ] },
  { category: 'economy-technology', dept: 'economy', rows: [
    ['GF00801001', '高新技术企业认定咨询', 'High-tech enterprise recognition advice', 10, [...basic, F.companyName, F.creditCode], [M.licence, M.application]],
    ['JF00802001', '科技创新券申领', 'Innovation voucher', 20, [...basic, F.companyName, F.creditCode, F.reason], [M.licence, M.application]],
    ['JF00803001', '专利资助申请', 'Patent subsidy', 20, [...basic, F.companyName, F.creditCode], [M.licence, M.patent]],
    ['GF00804001', '小微企业扶持政策咨询', 'Small business support advice', 5, [...basic, F.companyName, F.creditCode], [M.licence]],
    ['JF00805001', '创业担保贷款申请', 'Start-up guaranteed loan', 15, [...basic, F.household, F.companyName, F.creditCode], [...ID_DOCS, ...HOUSEHOLD_DOCS, M.licence, M.employmentProof]],
  ] },
];

function toItem(group: Group, row: Row): CatalogueItem {
  const [code, zh, en, days, fields, materials] = row;
  const legal = group.category === 'economy-technology' && fields.includes(F.companyName);
  return {
    code,
    categoryCode: group.category,
    name: t(zh, en),
    department: { ...DEPTS[group.dept] },
    timeLimitWorkingDays: days,
    fee: { amountFen: 0, description: '不收费' },
    applicantTypes: legal ? ['legal_person', 'agent'] : ['natural_person', 'agent'],
    guide: {
      conditions: t(`申请${zh}须为本市居民或在本市居住的人员，材料真实、完整。`, `Applicants for "${en}" live in the city; materials must be true and complete.`),
      basis: '沙箱示例依据（虚构）',
    },
    fields,
    materials,
    ...(ACCEPTS_EXPIRED_CARD.has(code) ? { acceptsExpiredCard: true } : {}),
  };
}

/** The catalogue body without its version stamps (the sandbox adds those). */
export function seedCatalogue(): Pick<Catalogue, 'categories' | 'items'> {
  const items = GROUPS.flatMap((g) => g.rows.map((r) => toItem(g, r)));
  return { categories: CATEGORIES, items };
}

// A catalogue item → its guide (办事指南) for the screen.
import type { CatalogueItem } from '@easydo/backend-client/types';
import type { ItemGuide } from '@easydo/core/contract/schemas/journey-guide';

export function toItemGuide(item: CatalogueItem): ItemGuide {
  return {
    code: item.code,
    categoryCode: item.categoryCode,
    name: item.name,
    department: item.department,
    timeLimitDays: item.timeLimitWorkingDays,
    fee: item.fee,
    conditions: item.guide.conditions,
    basis: item.guide.basis ?? null,
    applicantTypes: item.applicantTypes,
    materials: item.materials.map((m) => ({
      code: m.code,
      name: m.name,
      count: m.count,
      originalsRequired: m.originalsRequired,
      electronicCertificateType: m.electronicCertificateType,
    })),
  };
}

// Missing materials as typed issues: each names the material as the catalogue does (居民身份证, not ID_CARD),
// so the kiosk and the counter can say which document is missing in the screen's language.
import type { CatalogueItem } from '@easydo/backend-client/types';
import type { ErrorIssue } from '@easydo/core/contract/errors';

export function missingMaterialIssues(item: Pick<CatalogueItem, 'materials'>, codes: readonly string[]): ErrorIssue[] {
  return codes.map((code) => {
    const name = item.materials.find((m) => m.code === code)?.name;
    return { path: `materials.${code}`, message: `${code} missing`, problem: 'missing', ...(name ? { label: { zh: name.zh, en: name.en } } : {}) };
  });
}

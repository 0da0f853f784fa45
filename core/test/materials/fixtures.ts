// Shared paths and helpers for the materials tests.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RequiredMaterial } from '../../src/services/materials/checklist';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/materials');
export const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-artifacts/materials');

export const DOCS = ['lease-contract', 'residence-certificate', 'business-licence', 'legal-aid-application'] as const;

export interface FixturePage {
  file: string;
  doc: (typeof DOCS)[number];
  kind: 'clean' | 'scan' | 'camera';
}

export const FIXTURE_PAGES: FixturePage[] = [
  ...DOCS.flatMap((doc) => [
    { file: `${doc}.clean.png`, doc, kind: 'clean' as const },
    { file: `${doc}.scan.jpg`, doc, kind: 'scan' as const },
  ]),
  { file: 'residence-certificate.camera.jpg', doc: 'residence-certificate', kind: 'camera' },
];

/** True when a command exists; under CI=true a missing tool must fail the test, not skip it. */
export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

export const IN_CI = process.env.CI === 'true';

/** A made-up item's checklist (the real one comes from the catalogue). */
export const MATERIALS: RequiredMaterial[] = [
  { code: 'M01', name: '房屋租赁合同', count: 1, ocrKeywords: ['租赁合同', '出租方', '承租方'], electronicCertificateType: null },
  { code: 'M02', name: '居住证明', count: 1, ocrKeywords: ['居住证明', '特此证明'], electronicCertificateType: 'residence-proof' },
  { code: 'M03', name: '营业执照', count: 1, ocrKeywords: ['营业执照', '统一社会信用代码'], electronicCertificateType: 'business-licence' },
  { code: 'M04', name: '其他补充材料', count: 0, ocrKeywords: [] },
];

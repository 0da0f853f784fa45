// Key fields read off the materials that have fixed fields (ID card copy, 户口簿 page, 营业执照, 租赁合同, 结婚证),
// each with the box it was read from and the OCR's confidence, from the lines in reading order. A field is a
// label (as these documents print it) followed by its value in the same box, or in the next box of the same
// printed line (table cells, label/value columns). Numbers carry their check-rule result; a value that fails
// its rule is kept as read with `valid: false`, never corrected.
import type { OcrBox, OcrLine } from '../ocr-pool';
import { sameRow } from '../ppocr/reading-order';
import { compact, isValidGb11643, isValidUscc, parseDate } from './codes';

export type FieldMaterial = 'ID_CARD' | 'HUKOU' | 'BUSINESS_LICENCE' | 'LEASE' | 'MARRIAGE';

export interface ExtractedField {
  /** e.g. `name`, `idNumber`, `lessee.name`, `creditCode`, `leaseStart`. */
  key: string;
  /** As read (names, addresses) or normalised (ID numbers and codes compacted, dates as YYYY-MM-DD). */
  value: string;
  bbox: OcrBox;
  /** The OCR confidence of the box it was read from, 0–100. */
  confidence: number;
  /** Check rule result for ID numbers, credit codes and dates; null where the field has no rule. */
  valid: boolean | null;
}

type Kind = 'name' | 'idNumber' | 'creditCode' | 'date' | 'text' | 'dateRange';

interface FieldSpec {
  key: string;
  kind: Kind;
  /** Label pattern (no anchors); the value follows it, after optional ：/: . */
  label: RegExp;
  /** Which occurrence of the label (a lease names two parties, each with 身份证号码 below). */
  after?: string;
  /** The value may wrap onto the next printed lines, aligned under its first line (an ID card's 住址). */
  wraps?: boolean;
}

const ID_LABEL = /公民身份号码|身份证件?号码?|身份证件号/u;

const SPECS: Record<FieldMaterial, FieldSpec[]> = {
  ID_CARD: [
    { key: 'name', kind: 'name', label: /姓\s*名/u },
    { key: 'birthDate', kind: 'date', label: /出\s*生/u },
    { key: 'address', kind: 'text', label: /住\s*址/u, wraps: true },
    { key: 'idNumber', kind: 'idNumber', label: ID_LABEL },
    { key: 'validity', kind: 'dateRange', label: /有效期限/u },
  ],
  HUKOU: [
    { key: 'name', kind: 'name', label: /(?<!户主)姓\s*名/u },
    { key: 'birthDate', kind: 'date', label: /出生日期/u },
    { key: 'address', kind: 'text', label: /(?:住\s*址|何时由何地迁来本址)/u, wraps: true },
    { key: 'idNumber', kind: 'idNumber', label: ID_LABEL },
  ],
  BUSINESS_LICENCE: [
    { key: 'creditCode', kind: 'creditCode', label: /统一社会信用代码/u },
    { key: 'entityName', kind: 'text', label: /名\s*称/u },
    { key: 'operatorName', kind: 'name', label: /经营者|法定代表人|负责人|执行事务合伙人/u },
    { key: 'registeredOn', kind: 'date', label: /注册日期|成立日期/u },
    { key: 'address', kind: 'text', label: /经营场所|住\s*所|主要经营场所/u },
  ],
  LEASE: [
    { key: 'contractNumber', kind: 'text', label: /合同编号/u },
    { key: 'lessor.name', kind: 'name', label: /出租[方人](?:（甲方）|\(甲方\))?/u },
    { key: 'lessor.idNumber', kind: 'idNumber', label: ID_LABEL, after: 'lessor.name' },
    { key: 'lessee.name', kind: 'name', label: /承租[方人](?:（乙方）|\(乙方\))?/u },
    { key: 'lessee.idNumber', kind: 'idNumber', label: ID_LABEL, after: 'lessee.name' },
    { key: 'address', kind: 'text', label: /房屋坐落|房屋地址|坐\s*落/u },
    { key: 'leasePeriod', kind: 'dateRange', label: /租赁期(?:限)?(?:自|为)?/u },
  ],
  MARRIAGE: [
    { key: 'holderName', kind: 'name', label: /持证人/u },
    { key: 'registeredOn', kind: 'date', label: /登记日期/u },
    { key: 'certificateNumber', kind: 'text', label: /结婚证字号/u },
    { key: 'party1.name', kind: 'name', label: /姓\s*名/u },
    { key: 'party1.idNumber', kind: 'idNumber', label: ID_LABEL, after: 'party1.name' },
    { key: 'party2.name', kind: 'name', label: /姓\s*名/u, after: 'party1.name' },
    { key: 'party2.idNumber', kind: 'idNumber', label: ID_LABEL, after: 'party2.name' },
  ],
};

const LABEL_TAIL = /^[\s：:]*/u;
/** Another label starting in the same box ends a value: 身份证号码：… 联系电话：… */
const NEXT_LABEL = /\s+[\p{Script=Han}（）()]{2,10}[：:]|\s{2,}/u;

function valueOf(kind: Kind, raw: string): { value: string; valid: boolean | null } | null {
  const text = raw.trim();
  if (!text) return null;
  switch (kind) {
    case 'idNumber': {
      const m = /[0-9]{17}[0-9Xx]|[0-9]{15,18}/u.exec(compact(text));
      return m ? { value: m[0].toUpperCase(), valid: isValidGb11643(m[0].toUpperCase()) } : null;
    }
    case 'creditCode': {
      const m = /[0-9A-Z]{18}/u.exec(compact(text).toUpperCase());
      return m ? { value: m[0], valid: isValidUscc(m[0]) } : null;
    }
    case 'date': {
      const d = parseDate(text);
      return { value: d ?? text, valid: d !== null };
    }
    case 'dateRange': {
      const parts = compact(text).split(/起至|至|[-—~～]/u);
      const from = parts[0] ? parseDate(parts[0]) : null;
      const to = parts[1] ? (parseDate(parts[1]) ?? (/长期/u.test(parts[1]) ? 'long-term' : null)) : null;
      return from && to ? { value: `${from}/${to}`, valid: true } : { value: text, valid: false };
    }
    case 'name': {
      // A name is the first run of Han characters (with the · of minority names) or Latin words.
      const m = /[\p{Script=Han}·•・]{2,}|[A-Za-z][A-Za-z .'-]*[A-Za-z]/u.exec(text);
      return m ? { value: m[0].replace(/[•・]/gu, '·'), valid: null } : null;
    }
    case 'text':
      return { value: text.split(NEXT_LABEL)[0]!.replace(/[。，,；;]+$/u, ''), valid: null };
  }
}

/** Extracts the material's key fields from OCR lines in reading order. Fields not found are left out. */
export function extractFields(material: FieldMaterial, lines: readonly OcrLine[]): ExtractedField[] {
  const found = new Map<string, { field: ExtractedField; at: number }>();
  for (const spec of SPECS[material]) {
    const start = spec.after ? (found.get(spec.after)?.at ?? Infinity) + 1 : 0;
    for (let i = start; i < lines.length; i++) {
      const line = lines[i]!;
      const m = spec.label.exec(line.text);
      if (!m) continue;
      // A role in brackets after the label (出租方（甲方）：) is part of the label however the OCR wrote it.
      let raw = line.text.slice(m.index + m[0].length).replace(/^\s*[（(][^）)]{1,6}[）)]/u, '').replace(LABEL_TAIL, '');
      let source = line;
      const next = lines[i + 1];
      if (!raw.trim() && next && sameRow(line.bbox, next.bbox)) {
        raw = next.text;
        source = next;
      }
      const value = valueOf(spec.kind, spec.kind === 'text' || spec.kind === 'dateRange' ? raw : raw.split(NEXT_LABEL)[0]!);
      if (!value) continue;
      let at = source === line ? i : i + 1;
      let bbox = source.bbox;
      let confidence = source.confidence;
      if (spec.wraps) {
        // The value's left edge: where the value box starts, or past the label inside a shared box.
        const left = source === line ? line.bbox.x0 + ((line.bbox.x1 - line.bbox.x0) * (line.text.length - raw.length)) / Math.max(1, line.text.length) : source.bbox.x0;
        for (let j = at + 1; j < lines.length; j++) {
          const more = lines[j]!;
          const h = source.bbox.y1 - source.bbox.y0;
          const below = more.bbox.y0 - bbox.y1;
          const aligned = Math.abs(more.bbox.x0 - left) <= Math.max(20, (source.bbox.y1 - source.bbox.y0) * 1.2);
          if (sameRow(more.bbox, bbox) || below > h || !aligned || SPECS[material].some((s) => s.label.test(more.text))) break;
          value.value += more.text.trim();
          bbox = { x0: Math.min(bbox.x0, more.bbox.x0), y0: bbox.y0, x1: Math.max(bbox.x1, more.bbox.x1), y1: more.bbox.y1 };
          confidence = Math.min(confidence, more.confidence);
          at = j;
        }
      }
      found.set(spec.key, { field: { key: spec.key, ...value, bbox, confidence }, at });
      break;
    }
  }
  return [...found.values()].map((f) => f.field);
}

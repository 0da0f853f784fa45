// Property tests of the log redactor: generated valid ID numbers (check digit, X included), first-generation
// 15-digit IDs, foreigner card and HK/Macao permit numbers, mobile phones written many ways, in many
// surroundings (letters, `_`, punctuation, full-width forms, JSON strings, URL query strings) and generated
// Chinese names registered as session terms: none survives, through scrubText, redact() and a real pino logger,
// also shortly after the session was wiped. And ordinary log text (timestamps, acceptance numbers as the sandbox
// issues them, terminal ids, UUIDs, digests, durations) comes out exactly as it went in.
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { isValidGb11643 } from '@easydo/device-drivers/idcard/card/check-digit';
import { fold } from '@easydo/core/services/logging/fold';
import { createLogger } from '@easydo/core/services/logging/logger';
import { isSensitiveKey, redact, scrubText } from '@easydo/core/services/logging/redact';
import { addSensitiveTerms, DEFAULT_GRACE_MS, sessionTerms } from '@easydo/core/services/logging/session-terms';

const RUNS = { numRuns: Number(process.env.REDACT_RUNS ?? 300) };

// ---- generators: personal numbers ----

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChar = (first17: string) => '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i]!, 0) % 11]!;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const area = fc.oneof(fc.constantFrom('440304', '440305', '440306', '440307', '110101', '310104', '810000', '820000', '830000'), fc.integer({ min: 110000, max: 659999 }).map(String));
const birth = fc.date({ min: new Date('1920-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
const id18 = fc.tuple(area, birth, fc.integer({ min: 0, max: 999 })).map(([a, b, s]) => {
  const first = `${a}${b}${pad(s, 3)}`;
  return first + checkChar(first);
});
/** Some generated IDs end in X: make sure that case is drawn often, not 1 in 11. */
const id18x = id18.filter((id) => id.endsWith('X'));
const id15 = fc.tuple(area, birth, fc.integer({ min: 0, max: 999 })).map(([a, b, s]) => `${a}${b.slice(2)}${pad(s, 3)}`);
const foreigner2017 = fc.tuple(fc.constantFrom('NLD', 'NGA', 'USA', 'DEU', 'KOR'), fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 999_999 })).map(([c, a, b]) => `${c}${pad(a, 6)}${pad(b, 6)}`);
const permit = fc.tuple(fc.constantFrom('H', 'M'), fc.integer({ min: 0, max: 99_999_999 }), fc.boolean(), fc.integer({ min: 0, max: 99 })).map(([l, n, ten, e]) => `${l}${pad(n, 8)}${ten ? pad(e, 2) : ''}`);
const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 999_999_999 })).map(([b, n]) => `1${b}${pad(n, 9)}`);

const toFullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const grouped = (s: string, sizes: number[], sep: string) => {
  const out: string[] = [];
  let at = 0;
  for (const n of sizes) out.push(s.slice(at, (at += n)));
  if (at < s.length) out.push(s.slice(at));
  return out.filter(Boolean).join(sep);
};

/** One number, as people and programs write it. */
const writtenId = (id: string) =>
  fc.constantFrom(
    id, id.toLowerCase(), toFullWidth(id), grouped(id, [6, 8], ' '), grouped(id, [6, 4, 4], ' '), grouped(id, [6, 8], '-'),
    grouped(id, [4, 4, 4, 4], ' '), toFullWidth(grouped(id, [6, 8], ' ')).replace(/ /g, '\u3000'),
  );
const writtenPhone = (p: string) =>
  fc.constantFrom(
    p, `+86${p}`, `+86 ${p}`, `0086${p}`, `86-${p}`, `86${p}`, `(+86)${p}`, `(+86) ${grouped(p, [3, 4], ' ')}`, grouped(p, [3, 4], ' '),
    grouped(p, [3, 4], '-'), `+86-${grouped(p, [3, 4], '-')}`, toFullWidth(p), `＋８６ ${toFullWidth(grouped(p, [3, 4], ' '))}`,
  );
const personalNumber = fc.oneof(
  id18.chain(writtenId), id18x.chain(writtenId), id15.chain(writtenId), foreigner2017.chain(writtenId), permit.chain(writtenId), mobile.chain(writtenPhone),
);

// ---- generators: surroundings (no digits of their own, so any digit left over is a leak) ----

const letters = fc.string({ unit: fc.constantFrom(...'abcxyzXYZ_HMhm'.split('')), minLength: 1, maxLength: 6 });
const touching = fc.oneof(
  fc.constantFrom('', ' ', '_', 'id', 'ID:', 'id_', 'x', 'card=', 'no.', '#', '"', "'", '(', ')', '[', ']', ',', ';', '/', '：', '，', '（', '）', '号码', '身份证', '手机', 'tel:', 'Tel', 'phone_', '-'),
  letters,
);
type Context = (x: string) => string;
const contexts: fc.Arbitrary<Context> = fc.constantFrom<Context>(
  (x) => x,
  (x) => `card read: ${x} (ok)`,
  (x) => JSON.stringify({ note: `holder ${x}`, ok: true }),
  (x) => JSON.stringify([x]),
  (x) => `https://portal.example.invalid/lookup?q=${encodeURIComponent(x)}&lang=zh`,
  (x) => `/api/check?${new URLSearchParams({ id: x, t: 'x' }).toString()}`,
  (x) => `resident=${x}&next=confirm`,
  (x) => `<td>${x}</td>`,
  (x) => `申请人证件号：${x}。`,
);

/** Digits left in the output, as the redactor sees them (full-width and percent-escaped ones included). */
const leftoverDigits = (out: string) => fold(out).match(/\d/g) ?? [];

describe('personal numbers never survive, whatever surrounds them', () => {
  it('the generators make valid numbers (GB 11643 check digits, X included)', () => {
    fc.assert(fc.property(id18, (id) => isValidGb11643(id)), RUNS);
    fc.assert(fc.property(id18x, (id) => isValidGb11643(id) && id.endsWith('X')), { numRuns: 30 });
  });

  it('scrubText', () => {
    fc.assert(
      fc.property(personalNumber, touching, touching, contexts, (n, before, after, ctx) => {
        const line = ctx(before + n + after);
        const out = scrubText(line);
        expect(out, line).toContain('[redacted]');
        expect(leftoverDigits(out), `${line} → ${out}`).toEqual([]);
      }),
      RUNS,
    );
  });

  it('redact() on values, arrays, keys and numbers', () => {
    fc.assert(
      fc.property(personalNumber, touching, (n, before) => {
        const out = JSON.stringify(redact({ detail: `${before}${n}`, list: [n], [`k${n}`]: true, nested: { deeper: { v: n } } }));
        expect(leftoverDigits(out), out).toEqual([]);
      }),
      RUNS,
    );
    fc.assert(fc.property(mobile, (p) => void expect(redact({ count: Number(p) })).toEqual({ count: '[redacted]' })), { numRuns: 20 });
    expect(redact({ count: 13800138001, n: 3 })).toEqual({ count: '[redacted]', n: 3 });
  });

  it('a real pino logger', async () => {
    const samples = fc.sample(fc.tuple(personalNumber, touching, contexts), 80);
    const lines: string[] = [];
    const log = createLogger({ level: 'info', destination: new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }) });
    for (const [n, before, ctx] of samples) {
      log.info({ reason: ctx(before + n) }, `looked up ${before}${n}`);
      log.child({ for: n }).warn(new Error(`no record for ${ctx(n)}`));
      log.info('number %s', n);
    }
    log.info('as a number %d', 13800138001);
    await new Promise((r) => setImmediate(r));
    expect(lines.length).toBe(samples.length * 3 + 1);
    for (const line of lines) {
      const { time: _time, level: _level, ...rest } = JSON.parse(line) as Record<string, unknown>;
      expect(leftoverDigits(JSON.stringify(rest)), line).toEqual([]);
    }
  });
});

// ---- names as session terms ----

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '梁', '卓', '邓', '欧阳', '司马', '上官', '诸葛'];
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英岚颖诗嘉朗志远淑贞宁䶮浩宇梓涵子轩欣怡雨桐'.split('');
const chineseName = fc.oneof(
  fc.tuple(fc.constantFrom(...SURNAMES), fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 2 })).map(([s, g]) => s + g.join('')),
  fc.tuple(fc.array(fc.constantFrom(...GIVEN), { minLength: 2, maxLength: 4 }), fc.array(fc.constantFrom(...GIVEN), { minLength: 2, maxLength: 3 })).map(([a, b]) => `${a.join('')}·${b.join('')}`),
);
const nameContext = fc.constantFrom<Context>(
  (x) => x,
  (x) => `您好，${x}女士`,
  (x) => `greeting ${x} at the counter`,
  (x) => `applicant_${x}_signed`,
  (x) => JSON.stringify({ note: `${x}的申请` }),
  (x) => `/receipt?who=${x}`,
  (x) => `居民${x}已取号`,
);

describe('names registered for a session', () => {
  let clock = 1_000_000;
  sessionTerms.configure({ now: () => clock });
  afterEach(() => void (clock += DEFAULT_GRACE_MS * 10)); // every registration fades out before the next test

  it('are scrubbed while the session is open and during the grace period after wipe, then forgotten', () => {
    fc.assert(
      fc.property(chineseName, nameContext, fc.integer({ min: 0, max: DEFAULT_GRACE_MS - 1 }), (name, ctx, afterWipe) => {
        const held = sessionTerms.size;
        const wipe = addSensitiveTerms([name, '广东省深圳市福田区莲花街道青枫社区枫溪路27号']);
        expect(scrubText(ctx(name)), ctx(name)).not.toContain(name);
        wipe();
        clock += afterWipe;
        expect(scrubText(ctx(name)), 'just after wipe').not.toContain(name);
        expect(redact({ msg: ctx(name) })).not.toMatchObject({ msg: expect.stringContaining(name) });
        clock += DEFAULT_GRACE_MS;
        expect(sessionTerms.size).toBe(held);
        expect(scrubText(`x ${name} y`)).toBe(`x ${name} y`);
      }),
      { numRuns: 150 },
    );
  });

  it('parts of multi-part names and Latin names (any case, full width) are scrubbed; short Latin parts only as words', () => {
    const wipe = addSensitiveTerms(['阿依古丽·努尔兰', 'VANDERMEULEN-ACHTERBERG, JOHANNA CORNELIA WILHELMINA MARIEKE']);
    expect(scrubText('努尔兰 called')).toBe('[redacted] called');
    expect(scrubText('Mrs Johanna Vandermeulen-Achterberg')).toBe('Mrs [redacted] [redacted]-[redacted]');
    expect(scrubText('ＪＯＨＡＮＮＡ')).toBe('[redacted]');
    wipe();
    clock += 1000;
    expect(scrubText('record for VANDERMEULEN-ACHTERBERG, JOHANNA CORNELIA WILHELMINA MARIEKE')).toBe('record for [redacted]');
    const short = addSensitiveTerms(['OKAFOR, CHIDI EMMANUEL', 'VAN DER BERG']);
    expect(scrubText('the order of der and van')).toBe('the order of [redacted] and [redacted]');
    expect(scrubText('Chidi')).toBe('[redacted]');
    short();
  });

  it('the registry holds no plain value', () => {
    addSensitiveTerms(['卓岚']);
    expect(JSON.stringify(Object.values(sessionTerms))).not.toContain('卓岚');
  });
});

// ---- keys ----

const casings = (words: string[]) => [
  words[0] + words.slice(1).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(''),
  words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(''),
  words.join('_'),
  words.join('_').toUpperCase(),
  words.join('-'),
  words.join(''),
];

describe('keys', () => {
  it('personal and secret keys are dropped in any casing', () => {
    const personal = [
      ['applicant', 'name'], ['holder', 'name'], ['residence', 'address'], ['clerk', 'token'], ['authorization'], ['id', 'number'],
      ['applicant', 'id', 'number'], ['contact', 'phone'], ['terminal', 'secret'], ['query', 'password'], ['card', 'number'], ['latin', 'name'],
      ['birth', 'date'], ['api', 'key'], ['x', 'clerk', 'token'], ['ocr', 'text'], ['permit', 'number'], ['email'],
    ];
    for (const words of personal) for (const key of casings(words)) expect(isSensitiveKey(key), key).toBe(true);
    // `pin` is a word, not a stem: inside one lower-case word it would hit `mapping` and `shipping`.
    for (const key of casings(['admin', 'pin', 'hash']).slice(0, 5)) expect(isSensitiveKey(key), key).toBe(true);
    expect(isSensitiveKey('mapping')).toBe(false);
    expect(redact({ IDNumber: RESIDENT, Authorization: 'Bearer abc', holder_name: '卓岚' })).toEqual({ IDNumber: '[redacted]', Authorization: '[redacted]', holder_name: '[redacted]' });
  });

  it('ordinary keys stay', () => {
    const ordinary = [
      ['local', 'id'], ['item', 'code'], ['acceptance', 'number'], ['item', 'name'], ['device', 'id'], ['terminal', 'id'], ['state'],
      ['duration', 'ms'], ['window', 'id'], ['job', 'id'], ['idempotency', 'key'], ['file', 'name'], ['stage'], ['channel'], ['mode'], ['text', 'length'],
    ];
    for (const words of ordinary) for (const key of casings(words)) expect(isSensitiveKey(key), key).toBe(false);
    // What a maintainer needs about personal data without the data (over-redaction, issue 13), in every casing
    // whose words can be told apart (`tokenexpiresat` as one lower-case word stays redacted: its stem is all we see).
    const measures = [
      ['ocr', 'engine'], ['ocr', 'progress'], ['pin', 'attempts'], ['token', 'expires', 'at'], ['photo', 'count'], ['name', 'length'],
      ['certificate', 'type'], ['signature', 'ok'], ['permit', 'kind'],
    ];
    for (const words of measures) for (const key of casings(words).slice(0, 5)) expect(isSensitiveKey(key), key).toBe(false);
    // The data itself stays redacted under the same words.
    for (const key of ['ocrText', 'pinHash', 'accessToken', 'photoBase64', 'holderName', 'certificateNumber']) expect(isSensitiveKey(key), key).toBe(true);
  });
});

const RESIDENT = '440304199604122469';

// ---- ordinary text ----

const ITEM_CODES = ['QR00204001', 'XK00401001', 'XK00401003', 'GF00101001', 'JF00301002', 'QT00501001'];
const acceptanceNumber = fc.tuple(fc.constantFrom(...ITEM_CODES), fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 0, max: 9_999_999 }))
  .map(([code, d, n]) => `440304${code}${d.toISOString().slice(0, 10).replace(/-/g, '')}${pad(n, 7)}`);
const ordinaryField = fc.oneof(
  fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => `at=${d.toISOString()}`),
  fc.integer({ min: 1_600_000_000_000, max: 2_000_000_000_000 }).map((t) => `ts=${t}`),
  acceptanceNumber.map((a) => `acceptanceNumber=${a}`),
  fc.tuple(fc.constantFrom('SZ-FT', 'SZ-NS', 'SZ-LH', 'T-DEV'), fc.integer({ min: 1, max: 9999 })).map(([p, n]) => `terminal ${p}-${pad(n, 4)}`),
  fc.integer({ min: 0, max: 600_000 }).map((ms) => `took ${ms} ms`),
  fc.integer({ min: 0, max: 600_000 }).map((ms) => `elapsed=${(ms / 1000).toFixed(1)}s`),
  fc.uuid().map((u) => `localId=${u}`),
  fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => `sha256=${h}`),
  fc.constantFrom(...ITEM_CODES).map((c) => `item ${c}`),
  fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: 1, max: 999 })).map(([q, n]) => `queue ${q}${pad(n, 3)}`),
  fc.integer({ min: 0, max: 52_428_800 }).map((b) => `size=${b} bytes`),
  fc.integer({ min: 1024, max: 65_535 }).map((p) => `backend http://127.0.0.1:${p}/v1`),
  fc.constantFrom('stage 办理中', 'paper low', 'outbox change state=accepted', 'GET /v1/catalogue 304', 'status 401 signature_invalid'),
);

describe('ordinary text is not over-redacted', () => {
  it('log lines of timestamps, acceptance numbers, terminal ids, UUIDs, digests, durations come out unchanged', () => {
    fc.assert(
      fc.property(fc.array(ordinaryField, { minLength: 1, maxLength: 6 }), fc.constantFrom(' ', ', ', '; ', ' | '), (fields, sep) => {
        const line = fields.join(sep);
        expect(scrubText(line)).toBe(line);
        expect(redact({ msg: line, acceptanceNumber: line, itemName: '居住证' })).toEqual({ msg: line, acceptanceNumber: line, itemName: '居住证' });
      }),
      RUNS,
    );
  });
});

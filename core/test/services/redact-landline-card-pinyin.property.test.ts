// Property tests of the log redactor for the shapes the first round missed: landline numbers (area code and
// local number, bracketed, spaced, with +86), bank card numbers (16-19 digits, Luhn-valid, grouped), a session's
// Chinese name written in pinyin (any case, either order, joined or spaced, MRZ `<<`), and Latin names from
// permits written with other gaps (`NG<<KA<LI`, `Chan Tai-man`). Generated in many surroundings; none survives.
// And what logs need stays as written: acceptance numbers, timestamps (ms, µs, ns), durations, byte counts,
// terminal ids, ports, UUIDs and digests, also while a session's name is registered.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { fold } from '@easydo/core/services/logging/fold';
import { redact, scrubText } from '@easydo/core/services/logging/redact';
import { addSensitiveTerms, DEFAULT_GRACE_MS, sessionTerms } from '@easydo/core/services/logging/session-terms';

const RUNS = { numRuns: Number(process.env.REDACT_RUNS ?? 300) };
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const toFullWidth = (s: string) => s.replace(/[0-9A-Za-z()+]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const leftoverDigits = (out: string) => fold(out).match(/\d/g) ?? [];
/** The registry's clock: each test's registrations fade out before the next test. */
let clock = 5_000_000;
sessionTerms.configure({ now: () => clock });
afterEach(() => void (clock += DEFAULT_GRACE_MS * 10));

// ---- surroundings without digits of their own ----

const touching = fc.constantFrom('', ' ', '_', 'tel:', 'Tel', 'phone_', 'card=', 'no.', '#', '"', '(', ')', '[', ',', ';', '：', '，', '电话', '卡号', 'x', 'ab_', '-');
type Context = (x: string) => string;
const contexts = fc.constantFrom<Context>(
  (x) => x,
  (x) => `call back on ${x} (office)`,
  (x) => JSON.stringify({ note: `resident gave ${x}`, ok: true }),
  (x) => JSON.stringify([x]),
  (x) => `https://portal.example.invalid/lookup?q=${encodeURIComponent(x)}&lang=zh`,
  (x) => `/api/pay?${new URLSearchParams({ pan: x, t: 'x' }).toString()}`,
  (x) => `<td>${x}</td>`,
  (x) => `联系电话：${x}。`,
);

// ---- landlines ----

const AREAS = ['010', '020', '021', '022', '023', '024', '025', '027', '028', '029', '0755', '0769', '0571', '0898', '0311', '0431', '0991'];
const landline = fc.tuple(fc.constantFrom(...AREAS), fc.integer({ min: 2, max: 9 }), fc.boolean(), fc.integer({ min: 0, max: 9_999_999 }))
  .map(([area, first, eight, rest]) => ({ area, local: `${first}${pad(rest % (eight ? 10_000_000 : 1_000_000), eight ? 7 : 6)}` }));
const writtenLandline = ({ area, local }: { area: string; local: string }) => {
  const a = area.slice(1);
  const split = `${local.slice(0, local.length - 4)} ${local.slice(-4)}`;
  return fc.constantFrom(
    `${area}-${local}`, `${area} ${local}`, `${area}${local}`, `(${area})${local}`, `(${area}) ${split}`, `${area}-${split}`,
    `${area}-${local.slice(0, local.length - 4)}-${local.slice(-4)}`, `+86 ${a} ${split}`, `+86-${a}-${local}`, `+86${a}${local}`,
    `0086 ${a} ${local}`, `(+86) ${a} ${local}`, `+86 (0)${a} ${local}`, `86-${a}-${local}`, toFullWidth(`(${area})${local}`),
    `（${toFullWidth(area)}）${toFullWidth(split)}`,
  );
};

describe('landline numbers never survive', () => {
  it('the examples', () => {
    for (const n of ['0755-8888 6666', '(0755)88886666', '+86 755 8888 6666', '010-62345678', '（０７５５）８８８８６６６６']) {
      expect(scrubText(`电话：${n}，ok`)).toBe('电话：[redacted]，ok');
    }
  });

  it('scrubText and redact(), written any way, in any surroundings', () => {
    fc.assert(
      fc.property(landline.chain(writtenLandline), touching, touching, contexts, (n, before, after, ctx) => {
        const line = ctx(before + n + after);
        const out = scrubText(line);
        expect(leftoverDigits(out), `${line} → ${out}`).toEqual([]);
        expect(leftoverDigits(JSON.stringify(redact({ detail: line, list: [n] }))), line).toEqual([]);
      }),
      RUNS,
    );
  });
});

// ---- bank cards ----

function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
    const d = double ? Number(body[i]) * 2 : Number(body[i]);
    sum += d > 9 ? d - 9 : d;
  }
  return String((10 - (sum % 10)) % 10);
}
const ISSUERS = ['62', '622202', '622848', '621700', '4', '51', '55', '2221', '2500', '2720', '35'];
const bankCard = fc.tuple(fc.constantFrom(...ISSUERS), fc.integer({ min: 16, max: 19 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }))
  .map(([iin, wanted, fill]) => {
    const length = iin.startsWith('2') ? 16 : wanted; // Mastercard's 2-series has 16 digits only
    const body = (iin + fill.join('')).slice(0, length - 1);
    return body + luhnDigit(body);
  });
const groups = (s: string, n: number, sep: string) => s.match(new RegExp(`.{1,${n}}`, 'g'))!.join(sep);
const writtenCard = (c: string) => fc.constantFrom(c, groups(c, 4, ' '), groups(c, 4, '-'), `${c.slice(0, 6)} ${c.slice(6)}`, toFullWidth(groups(c, 4, ' ')), groups(c, 4, '\u3000'));

describe('bank card numbers never survive', () => {
  it('the generator makes Luhn-valid numbers of 16-19 digits', () => {
    fc.assert(fc.property(bankCard, (c) => c.length >= 16 && c.length <= 19 && luhnDigit(c.slice(0, -1)) === c.slice(-1)), { numRuns: 50 });
  });

  it('scrubText and redact(), grouped any way, in any surroundings', () => {
    fc.assert(
      fc.property(bankCard.chain(writtenCard), touching, touching, contexts, (c, before, after, ctx) => {
        const line = ctx(before + c + after);
        const out = scrubText(line);
        expect(leftoverDigits(out), `${line} → ${out}`).toEqual([]);
        expect(leftoverDigits(JSON.stringify(redact({ detail: line }))), line).toEqual([]);
      }),
      RUNS,
    );
  });
});

// ---- names: a Chinese name in pinyin, Latin names from permits ----

/** Family names and given-name characters with their pinyin, written out here (not computed by the redactor's library). */
const SURNAMES: Array<[string, string[]]> = [
  ['张', ['zhang']], ['王', ['wang']], ['李', ['li']], ['刘', ['liu']], ['陈', ['chen']], ['杨', ['yang']], ['黄', ['huang']], ['赵', ['zhao']],
  ['吴', ['wu']], ['周', ['zhou']], ['徐', ['xu']], ['孙', ['sun']], ['马', ['ma']], ['朱', ['zhu']], ['胡', ['hu']], ['郭', ['guo']],
  ['何', ['he']], ['林', ['lin']], ['罗', ['luo']], ['梁', ['liang']], ['卓', ['zhuo']], ['邓', ['deng']], ['单', ['shan']], ['曾', ['zeng']],
  ['吕', ['lv', 'lu', 'lyu']], ['欧阳', ['ouyang', 'ou yang']], ['司马', ['sima']], ['诸葛', ['zhuge']],
];
const GIVEN: Array<[string, string]> = [
  ['三', 'san'], ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['秀', 'xiu'], ['英', 'ying'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'],
  ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'], ['明', 'ming'],
  ['超', 'chao'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['岚', 'lan'], ['颖', 'ying'], ['嘉', 'jia'], ['宁', 'ning'], ['浩', 'hao'],
  ['宇', 'yu'], ['梓', 'zi'], ['欣', 'xin'], ['怡', 'yi'], ['桐', 'tong'], ['晓', 'xiao'], ['思', 'si'], ['文', 'wen'], ['华', 'hua'],
];
const chineseName = fc.tuple(fc.constantFrom(...SURNAMES), fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 2 }), fc.nat())
  .map(([[family, spellings], given, pick]) => ({
    han: family + given.map(([h]) => h).join(''),
    family: spellings[pick % spellings.length]!,
    given: given.map(([, p]) => p),
  }));
const cap = (w: string) => w.replace(/(^|\s)[a-z]/g, (c) => c.toUpperCase());
/** The name as residents, clerks and programs write it in Latin letters. */
const writtenPinyin = ({ family, given }: { family: string; given: string[] }) => {
  const g = given.join('');
  const gs = given.join(' ');
  const f = family.replace(/ /g, '');
  return fc.constantFrom(
    `${cap(family)} ${cap(g)}`, `${family} ${g}`.toUpperCase(), `${f}${g}`, `${cap(g)} ${cap(family)}`, `${family}, ${g}`.toUpperCase(),
    `${cap(family)}-${cap(g)}`, `${family}_${g}`, `${family}<<${given.join('<')}`.toUpperCase(), `${cap(family)} ${cap(gs)}`,
    `${cap(family)}  ${cap(g)}`, `${g}.${family}`, toFullWidth(`${family} ${g}`.toUpperCase()), `${cap(f)}${cap(g)}`,
  );
};
/** Latin letters of the output only: whatever gaps were left, the name's letters must not be there in a row. */
const letters = (s: string) => fold(s).replace(/[^a-z]/g, '');
const nameContexts = fc.constantFrom<Context>(
  (x) => x,
  (x) => `greeting ${x} at the counter`,
  (x) => `Dear ${x}, your application`,
  (x) => `holder=${x}&next=confirm`,
  (x) => JSON.stringify({ note: `${x} signed` }),
  (x) => `/receipt?who=${encodeURIComponent(x)}`,
  (x) => `您好，${x}。`,
  (x) => `applicant_${x}_signed`,
);

describe('a session holder’s Chinese name written in pinyin', () => {

  it('the examples', () => {
    const wipe = addSensitiveTerms(['张三']);
    const out = ['Zhang San', 'ZHANG SAN', 'zhangsan', 'San Zhang', 'ZHANG<<SAN', 'Zhang, San'].map((n) => scrubText(`hello ${n}!`));
    wipe();
    expect(out).toEqual(Array(6).fill('hello [redacted]!'));
  });

  it('is scrubbed while the session is open and in the grace period after wipe, in any surroundings', () => {
    fc.assert(
      fc.property(chineseName.chain((n) => fc.tuple(fc.constant(n), writtenPinyin(n))), nameContexts, fc.integer({ min: 0, max: DEFAULT_GRACE_MS - 1 }), ([n, written], ctx, afterWipe) => {
        const wipe = addSensitiveTerms([n.han, '广东省深圳市福田区莲花街道青枫社区枫溪路27号']);
        const whole = n.family.replace(/ /g, '') + n.given.join('');
        const reversed = n.given.join('') + n.family.replace(/ /g, '');
        const line = ctx(written);
        const out = scrubText(line);
        try {
          expect(letters(out), `${line} → ${out}`).not.toContain(whole);
          expect(letters(out), `${line} → ${out}`).not.toContain(reversed);
        } finally {
          wipe(); // also when the check fails, so the name does not stay registered for the shrinking runs
        }
        clock += afterWipe;
        expect(letters(JSON.stringify(redact({ msg: line }))), 'just after wipe').not.toContain(whole);
        clock += DEFAULT_GRACE_MS;
        expect(scrubText(line), 'forgotten after the grace period').toBe(line);
      }),
      { numRuns: 200 },
    );
  });
});

/** Hong Kong, Macao and Taiwan permit names: romanised, often with two-letter words that alone say little. */
const LATIN_SURNAMES = ['CHAN', 'NG', 'LI', 'HO', 'LO', 'WONG', 'LEUNG', 'CHEUNG', 'TSANG', 'AU', 'YIP', 'KWOK', 'CHIANG'];
const LATIN_GIVEN = ['TAI', 'MAN', 'KA', 'WAI', 'SIU', 'MING', 'HO', 'YAN', 'CHUN', 'KIT', 'MEI', 'LING', 'HUI'];
const permitName = fc.tuple(fc.constantFrom(...LATIN_SURNAMES), fc.array(fc.constantFrom(...LATIN_GIVEN), { minLength: 1, maxLength: 2 }));
const writtenPermitName = ([family, given]: [string, string[]]) =>
  fc.constantFrom(
    `${family}<<${given.join('<')}`, `${family}, ${given.join(' ')}`, `${family} ${given.join(' ')}`, `${cap(family.toLowerCase())} ${cap(given.join('-').toLowerCase())}`,
    `${family},${given.join(' ')}`, `${family}_${given.join('_')}`.toLowerCase(), toFullWidth(`${family} ${given.join(' ')}`),
  );

describe('Latin names from permits, however their words are joined', () => {

  it('are scrubbed whole (MRZ fillers, commas, hyphens, underscores, full width)', () => {
    fc.assert(
      fc.property(permitName.chain((n) => fc.tuple(fc.constant(n), writtenPermitName(n))), nameContexts, ([[family, given], written], ctx) => {
        const wipe = addSensitiveTerms([`${family}, ${given.join(' ')}`]);
        const line = ctx(written);
        const out = scrubText(line);
        wipe();
        clock += DEFAULT_GRACE_MS;
        expect(letters(out), `${line} → ${out}`).not.toContain((family + given.join('')).toLowerCase());
      }),
      RUNS,
    );
  });
});

// ---- what logs need stays as written ----

const ITEM_CODES = ['QR00204001', 'XK00401001', 'XK00401003', 'GF00101001', 'JF00301002', 'QT00501001'];
const acceptanceNumber = fc.tuple(fc.constantFrom(...ITEM_CODES), fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 0, max: 9_999_999 }))
  .map(([code, d, n]) => `440304${code}${d.toISOString().slice(0, 10).replace(/-/g, '')}${pad(n, 7)}`);
const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true });
const ordinaryField = fc.oneof(
  instant.map((d) => `at=${d.toISOString()}`),
  instant.map((d) => `logged ${d.toISOString().slice(0, 19).replace('T', ' ')}`),
  instant.map((d) => `ts=${d.getTime()}`),
  fc.tuple(instant, fc.integer({ min: 0, max: 999 })).map(([d, us]) => `us=${d.getTime()}${pad(us, 3)}`),
  fc.tuple(instant, fc.integer({ min: 0, max: 999_999 })).map(([d, ns]) => `hrtime=${d.getTime()}${pad(ns, 6)}`),
  acceptanceNumber.map((a) => `acceptanceNumber=${a}`),
  acceptanceNumber.map((a) => `accepted ${a}`),
  fc.tuple(fc.constantFrom('SZ-FT', 'SZ-NS', 'SZ-LH', 'T-DEV'), fc.integer({ min: 1, max: 9999 })).map(([p, n]) => `terminal ${p}-${pad(n, 4)}`),
  fc.constantFrom('0755', '0769', '010', '020').map((a) => `terminal SZ-${a}-0001`),
  fc.integer({ min: 0, max: 600_000 }).map((ms) => `took ${ms} ms`),
  fc.integer({ min: 0, max: 86_400_000 }).map((ms) => `elapsed=${(ms / 1000).toFixed(3)}s`),
  // Below 10 GB: an 11-digit count from 13000000000 on has a mobile number's shape (redact() treats it as one).
  fc.integer({ min: 0, max: 9_999_999_999 }).map((b) => `size=${b} bytes`),
  fc.integer({ min: 0, max: 9_999_999_999 }).map((b) => `rss=${b}B`),
  fc.integer({ min: 1024, max: 65_535 }).map((p) => `backend http://127.0.0.1:${p}/v1`),
  fc.integer({ min: 1, max: 4_194_304 }).map((p) => `pid ${p}`),
  fc.integer({ min: 1, max: 1_000_000 }).map((n) => `sessions=${n}`),
  fc.uuid().map((u) => `localId=${u}`),
  fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => `sha256=${h}`),
  fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: 1, max: 999 })).map(([q, n]) => `queue ${q}${pad(n, 3)}`),
  fc.constantFrom('stage 办理中', 'paper low', 'outbox change state=accepted', 'GET /v1/catalogue 304', 'status 401 signature_invalid', 'the order of fields', 'alliance shanghai'),
);

describe('ordinary log text is not over-redacted', () => {

  it('timestamps, acceptance numbers, durations, byte counts, terminal ids come out unchanged, with a session name registered', () => {
    fc.assert(
      fc.property(fc.array(ordinaryField, { minLength: 1, maxLength: 6 }), fc.constantFrom(' ', ', ', '; ', ' | '), chineseName, (fields, sep, n) => {
        const wipe = addSensitiveTerms([n.han]);
        const line = fields.join(sep);
        const out = scrubText(line);
        const outObject = redact({ msg: line, acceptanceNumber: line, bytes: 1_099_511_627_776, at: 1_733_100_000_123 });
        wipe();
        clock += DEFAULT_GRACE_MS; // this name is gone before the next one is drawn
        expect(out).toBe(line);
        expect(outObject).toEqual({ msg: line, acceptanceNumber: line, bytes: 1_099_511_627_776, at: 1_733_100_000_123 });
      }),
      RUNS,
    );
  });
});

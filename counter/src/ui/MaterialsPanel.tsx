// Materials at the counter: per-material counts, each page with its thumbnail, the material it is filed under,
// and its trust level. Pages from the document camera or the scanner are captured from the originals (B);
// the clerk checks imported pages against the originals (C → B, stamped with the clerk).
import { useState } from 'react';
import { CheckLines } from '@easydo/core/ui/CheckLines';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '@easydo/core/contract/errors';
import type { MaterialRequirement, MaterialsView } from '@easydo/core/contract/schemas/counter-intake';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { ChoiceTiles } from '@easydo/core/ui/ChoiceTiles';
import { useCounter } from './counter-api';
import { CameraCapture } from './CameraCapture';
import { toBase64 } from './base64';
import { clerkCheckLines, needsLook, type ClerkCheckLine } from './material-check-words';


export function MaterialsPanel({ view, onView }: { view: MaterialsView; onView: (v: MaterialsView) => void }) {
  const { t, i18n } = useTranslation('counter');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { invoke } = useCounter();
  const [target, setTarget] = useState(view.requirements[0]?.code ?? '');
  const [camera, setCamera] = useState(false);
  const [busy, setBusy] = useState<'add' | 'scan' | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  const refresh = async () => {
    const r = await invoke('intake:materials', {});
    if (r.ok) onView(r.value);
  };
  const run = async (what: 'add' | 'scan', call: () => Promise<{ ok: boolean; error?: ContractError }>) => {
    setBusy(what);
    setError(null);
    const r = await call();
    setBusy(null);
    if (!r.ok && r.error) setError(r.error);
    await refresh();
  };
  const add = (source: 'camera' | 'file', bytes: Uint8Array) =>
    run('add', () => invoke('intake:addPage', { source, materialCode: target || null, imageBase64: toBase64(bytes) }));
  const scan = () => run('scan', () => invoke('intake:scan', { materialCode: target || null }));
  const apply = async (p: Promise<{ ok: true; value: MaterialsView } | { ok: false; error: ContractError }>) => {
    const r = await p;
    if (r.ok) onView(r.value);
    else setError(r.error);
  };
  const nameOf = (code: string | null) => view.requirements.find((m) => m.code === code)?.name[lang] ?? code ?? '—';
  const tt = t as unknown as (key: string, params?: Record<string, string>) => string;
  const lines = new Map(view.pages.map((p) => [p.id, clerkCheckLines(p.fieldChecks, tt, lang)]));
  // Pages whose reading disagrees with the card (or could not be read) come first, before the clerk verifies.
  const attention = view.pages.flatMap((p, n) => (needsLook(lines.get(p.id)!) ? [{ n: n + 1, page: p, lines: lines.get(p.id)!.filter((l) => l.status !== 'match') }] : []));

  return (
    <section className="materials-panel" data-testid="materials" aria-label={t('materials')}>
      <h3>{t('materials')}</h3>
      {attention.length > 0 && (
        <div className="banner banner-warning checks-first" data-testid="checks-attention" role="status">
          <strong>{t('checksFirst')}</strong>
          <ul>
            {attention.map((a) => (
              <li key={a.page.id}>
                {t('checksPage', { n: a.n })}（{nameOf(a.page.materialCode)}）：{a.lines.map((l) => l.text).join(lang === 'en' ? '; ' : '；')}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul className="requirements">
        {view.requirements.map((m) => (
          <li key={m.code} data-testid={`requirement-${m.code}`} data-missing={m.missing}>
            <strong>{m.name[lang]}</strong> {t('materialPages', { pages: m.pages, required: m.required, verified: m.verifiedPages, count: m.required })}
            {m.missing && <em className="tag tag-warn">{t('missing')}</em>}
          </li>
        ))}
      </ul>
      <div className="add-page">
        <MaterialSelect testId="add-target" label={t('assignTo')} noneLabel={t('notFiled')} value={target} requirements={view.requirements} lang={lang} onChange={setTarget} />
        <button type="button" className="btn btn-secondary" data-testid="open-camera" disabled={busy !== null} onClick={() => setCamera(true)}>
          {t('addFromCamera')}
        </button>
        <button type="button" className="btn btn-secondary" data-testid="scan" disabled={busy !== null} onClick={() => void scan()}>
          {t('scan')}
        </button>
        <label className="btn btn-secondary file-import">
          {t('importFile')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/tiff"
            data-testid="import-file"
            disabled={busy !== null}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void file.arrayBuffer().then((b) => add('file', new Uint8Array(b)));
            }}
          />
        </label>
        {busy && <span role="status" data-testid="materials-busy">{busy === 'scan' ? t('scanning') : '…'}</span>}
      </div>
      {camera && (
        <CameraCapture
          onClose={() => setCamera(false)}
          onCapture={(jpeg) => {
            setCamera(false);
            void add('camera', jpeg);
          }}
        />
      )}
      <ul className="pages" data-testid="pages">
        {view.pages.map((p) => (
          <li key={p.id} className="page" data-testid="page" data-source={p.source} data-trust={p.trust.level} data-material={p.materialCode ?? ''}>
            <img src={`data:image/jpeg;base64,${p.thumbnail}`} alt={nameOf(p.materialCode)} />
            <div>
              <MaterialSelect
                testId={`page-assign-${p.id}`}
                label={t('assignTo')}
                noneLabel={t('notFiled')}
                value={p.materialCode ?? ''}
                requirements={view.requirements}
                lang={lang}
                onChange={(code) => void apply(invoke('intake:assignPage', { pageId: p.id, materialCode: code || null }))}
              />
              <p>{t(`ocr_${p.ocr}`)}</p>
              <CheckList lines={lines.get(p.id) ?? []} />
              {p.trust.level === 'B' ? (
                <p className="trust-b">{t('verified', { by: p.trust.verifiedBy ?? '' })}</p>
              ) : (
                <p className="trust-c">
                  {t('unverified')}{' '}
                  <button type="button" className="btn btn-primary btn-small" data-testid="verify-page" onClick={() => void apply(invoke('intake:verifyPage', { pageId: p.id }))}>
                    {t('verify')}
                  </button>
                </p>
              )}
              <button type="button" className="btn btn-danger btn-small" onClick={() => void apply(invoke('intake:removePage', { pageId: p.id }))}>
                {t('remove')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <ErrorNotice error={error} />
    </section>
  );
}

/** The item's materials to file a page under ('' = not filed), as large labelled tiles. */
function MaterialSelect(props: { value: string; requirements: MaterialRequirement[]; lang: 'zh' | 'en'; onChange: (code: string) => void; testId: string; label: string; noneLabel: string }) {
  return (
    <ChoiceTiles
      label={props.label}
      value={props.value || null}
      options={props.requirements.map((m) => ({ value: m.code, label: m.name[props.lang] }))}
      noneLabel={props.noneLabel}
      onChange={(code) => props.onChange(code ?? '')}
      testIdPrefix={props.testId}
    />
  );
}

/** The checks of one page, each in words with an icon repeating them. */
function CheckList({ lines }: { lines: ClerkCheckLine[] }) {
  if (lines.length === 0) return null;
  return (
    <div className="page-checks" data-testid="page-checks">
      <CheckLines lines={lines} />
    </div>
  );
}

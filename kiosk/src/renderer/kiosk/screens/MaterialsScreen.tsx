// Materials capture with the checklist: document camera (auto-capture when the page lies still, or a button),
// the scanner through main, electronic certificates instead of paper, OCR progress per page.
import { useCallback, useEffect, useState } from 'react';
import { FileWarning } from 'lucide-react';
import { CheckLines } from '@easydo/core/ui/CheckLines';
import { StateScreen } from '@easydo/core/ui/StateScreen';
import type { ContractError } from '@easydo/core/contract/errors';
import type { MaterialsState } from '@easydo/core/contract/schemas/journey-materials';
import { useEvent, useTerminal } from '@easydo/core/ui/terminal-context';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { ChoiceTiles } from '@easydo/core/ui/ChoiceTiles';
import { ProgressBar } from '@easydo/core/ui/ProgressBar';
import type { ScreenProps } from '../screen-props';
import { CameraPanel } from './CameraPanel';
import { BackButton } from '../BackButton';
import { toSubmission } from '../form-rules';
import { pageCheckWords } from '../material-check-words';
import { TerminalFrontArt, usePlaceOf } from '../hardware-layout';

export function MaterialsScreen({ ctx, send, lang, t }: ScreenProps) {
  const api = useTerminal();
  const [state, setState] = useState<MaterialsState | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [scanning, setScanning] = useState(false);
  // Where this cabinet's scanner is, drawn and said beside its button (and in the ways to bring a page).
  const scannerAt = t('materials.scannerAt', { where: t(`where.${usePlaceOf('scanner')}`) });

  const apply = useCallback(
    (r: { ok: true; value: MaterialsState } | { ok: false; error: ContractError }) => {
      if (r.ok) {
        setState(r.value);
        setError(null);
        send({ type: 'MATERIALS', complete: r.value.checklist.complete });
      } else setError(r.error);
    },
    [send],
  );
  useEffect(() => {
    // What is read off the pages is checked against this and the prefill (main holds it; it is not sent back).
    const form = ctx.form ? Object.fromEntries(Object.entries(toSubmission(ctx.form, ctx.values)).map(([k, v]) => [k, String(v)])) : {};
    void api.invoke('materials:begin', { itemCode: ctx.itemCode ?? '', form }).then((r) => {
      if (r.ok) apply(r);
      else {
        // No materials service here: the resident hands documents in at a counter; do not trap them.
        setUnavailable(true);
        setError(r.error);
        send({ type: 'MATERIALS', complete: true });
      }
    });
  }, [api, ctx.itemCode]);
  const refresh = useCallback(() => void api.invoke('materials:list', {}).then(apply), [api, apply]);
  useEvent('materials:changed', useCallback(() => refresh(), [refresh]));
  useEvent('materials:ocrProgress', useCallback((p: { pageId: string; progress: number }) => setProgress((old) => ({ ...old, [p.pageId]: p.progress })), []));

  const addImage = async (imageBase64: string) => {
    const r = await api.invoke('materials:addImage', { imageBase64, source: 'camera' });
    if (!r.ok) setError(r.error);
    refresh();
  };
  const scan = async () => {
    setScanning(true);
    const r = await api.invoke('materials:scan', {});
    setScanning(false);
    if (!r.ok) setError(r.error);
    refresh();
  };
  const checklist = state?.checklist;
  const names = new Map(checklist?.materials.map((m) => [m.code, m.name[lang]]) ?? []);
  const running = state?.pages.filter((p) => p.ocr === 'queued' || p.ocr === 'running') ?? [];

  return (
    <section className="panel materials" data-testid="materials">
      <h2>{t('materials.title')}</h2>
      {unavailable ? <p className="banner banner-warning" role="status" data-testid="materials-unavailable">{t('materials.notAvailable')}</p> : <p className="hint">{t('materials.hint')}</p>}
      <ErrorNotice error={error} />
      {checklist && (
        <>
          <h3>{t('materials.checklist')}</h3>
          <ul className="checklist" data-testid="checklist">
            {checklist.materials.map((m) => (
              <li key={m.code} data-testid={`material-${m.code}`} data-missing={m.missing}>
                <strong>{m.name[lang]}</strong>{' '}
                <span className={m.missing ? 'status-missing' : 'status-ok'}>
                  {m.missing ? `✗ ${t('materials.missingOne')}` : m.satisfiedBy === 'electronic' ? `✓ ${t('materials.usingElectronic')}` : `✓ ${t('materials.done')}`}
                </span>{' '}
                {/* An e-certificate stands in for the paper: no "0/1 页" beside a tick. */}
                {m.satisfiedBy === 'electronic' ? null : m.required === 0 ? t('materials.optional') : t('materials.pages', { pages: m.pages, required: m.required, count: m.required })}
                {m.electronicCertificateType && m.satisfiedBy !== 'electronic' && state?.certificates.filter((c) => c.type === m.electronicCertificateType).map((c) => (
                  <button key={c.id} type="button" className="btn btn-secondary" data-testid={`use-cert-${m.code}`} onClick={() => void api.invoke('materials:useCertificate', { materialCode: m.code, certificateId: c.id }).then(apply)}>
                    {t('materials.useElectronic')}（{c.name} {c.numberMasked}）
                  </button>
                ))}
              </li>
            ))}
          </ul>
          {checklist.complete ? (
            <p role="status" data-testid="materials-status">
              {t('materials.complete')}
            </p>
          ) : (
            // What is missing and the ways to bring it, in place of a count (not spoken by itself: it changes with
            // every page; the step's arrival words and 朗读本页 cover it).
            <StateScreen
              testId="materials-missing"
              compact
              title={t('materials.incomplete', { count: checklist.missing.length })}
              titleProps={{ 'data-testid': 'materials-status' }}
              steps={[
                t('materials.stillMissing', { names: checklist.materials.filter((m) => m.missing).map((m) => m.name[lang]).join(lang === 'en' ? ', ' : '、') }),
                ...(unavailable ? [] : [`${t('materials.howScan')}${lang === 'en' ? ' ' : ''}${scannerAt}`]),
                ...(checklist.materials.some((m) => m.missing && m.electronicCertificateType && state?.certificates.some((c) => c.type === m.electronicCertificateType)) ? [t('materials.howElectronic')] : []),
                t('materials.howLater'),
              ]}
              art={<FileWarning aria-hidden="true" className="icon state-icon" />}
            />
          )}
        </>
      )}
      {state && !unavailable && (
        <div className="capture">
          <CameraPanel t={t} onImage={addImage} onError={setError} />
          <div className="scan-here">
            <TerminalFrontArt part="scanner" label={scannerAt} testId="scanner-art" />
            <p data-testid="scanner-at">{scannerAt}</p>
            <button type="button" className="btn btn-secondary" data-testid="scan" disabled={scanning} onClick={() => void scan()}>
              {scanning ? t('materials.scanning') : t('materials.scan')}
            </button>
          </div>
        </div>
      )}
      {running.map((p) => (
        <ProgressBar key={p.id} value={progress[p.id] ?? p.progress} label={t('materials.ocr', { n: (state?.pages.indexOf(p) ?? 0) + 1 })} testId="ocr-progress" />
      ))}
      {state && state.pages.length > 0 && (
        <ul className="pages" data-testid="pages">
          {state.pages.map((p, i) => (
            <li key={p.id} className="page" data-testid={`page-${i}`}>
              <img src={`data:image/jpeg;base64,${p.thumbnailBase64}`} alt={`${i + 1}`} width={120} />
              {p.suggestedCode && !p.materialCode && <span>{t('materials.suggested', { name: names.get(p.suggestedCode) ?? p.suggestedCode })}</span>}
              <ChoiceTiles
                label={t('materials.assignTo')}
                value={p.materialCode}
                options={checklist?.materials.map((m) => ({ value: m.code, label: m.name[lang] })) ?? []}
                noneLabel={t('materials.notFiled')}
                onChange={(code) => void api.invoke('materials:assign', { pageId: p.id, materialCode: code }).then(apply)}
                testIdPrefix={`assign-${i}`}
              />
              <PageCheckList words={pageCheckWords(p.fieldChecks, t as (key: string, params?: Record<string, string>) => string, lang, ctx.card?.cardType ?? null)} testId={`page-checks-${i}`} />
              <button type="button" className="btn btn-secondary" data-testid={`remove-page-${i}`} onClick={() => void api.invoke('materials:remove', { pageId: p.id }).then(apply)}>
                {t('materials.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <BackButton send={send} t={t} />
        <button type="button" className="btn btn-primary btn-main" data-testid="materials-next" disabled={!unavailable && !checklist?.complete} onClick={() => send({ type: 'NEXT' })}>
          {t('common.next')}
        </button>
      </div>
    </section>
  );
}

/** The checks of one page in words, each with an icon that repeats what the words say; what to do when one needs a look. */
function PageCheckList({ words, testId }: { words: ReturnType<typeof pageCheckWords>; testId: string }) {
  if (words.lines.length === 0) return null;
  return (
    <div className="page-checks" data-testid={testId} data-attention={words.whatToDo !== null}>
      <CheckLines lines={words.lines} />
      {words.whatToDo && <p className="page-checks-todo">{words.whatToDo}</p>}
    </div>
  );
}

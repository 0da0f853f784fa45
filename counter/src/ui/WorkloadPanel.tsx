// The clerk's day in figures and charts (recharts): applications by hour, ratings distribution, poor ratings'
// reasons, and the platform's figures (stage breakdown, its reasons over all days and terminals).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Pie, PieChart, Tooltip, XAxis, YAxis, Legend } from 'recharts';
import type { ContractError } from '@easydo/core/contract/errors';
import type { WorkloadView } from '@easydo/core/contract/schemas/counter-workload';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { useCounter } from './counter-api';

const LEVEL_COLOURS = ['#15803d', '#65a30d', '#ca8a04', '#ea580c', '#b91c1c'];

export function WorkloadPanel() {
  const { t } = useTranslation('counter');
  const { invoke } = useCounter();
  const [view, setView] = useState<WorkloadView | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  const load = useCallback(async () => {
    const r = await invoke('workload:get', {});
    if (r.ok) setView(r.value);
    else setError(r.error);
  }, [invoke]);
  useEffect(() => void load(), [load]);

  if (!view) return <ErrorNotice error={error} />;
  const ratings = view.today.ratings.filter((r) => r.count > 0);
  return (
    <section className="workload-panel" data-testid="workload">
      <h2>{t('workloadTitle')}</h2>
      <dl className="figures">
        <div>
          <dt>{t('handledToday')}</dt>
          <dd data-testid="handled-today">{view.today.handled}</dd>
        </div>
        <div>
          <dt>{t('avgHandling')}</dt>
          <dd data-testid="avg-handling">{view.today.averageHandlingSeconds === null ? t('none') : t('seconds', { n: view.today.averageHandlingSeconds })}</dd>
        </div>
        <div>
          <dt>{t('ticketsCalled')}</dt>
          <dd data-testid="tickets-called">{view.today.ticketsCalled}</dd>
        </div>
      </dl>
      <div className="charts">
        <figure data-testid="chart-by-hour">
          <figcaption>{t('byHour')}</figcaption>
          <BarChart width={360} height={220} data={view.today.byHour.map((h) => ({ hour: `${h.hour}:00`, count: h.count }))}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="hour" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="count" fill="#1d4ed8" isAnimationActive={false} />
          </BarChart>
        </figure>
        <figure data-testid="chart-ratings">
          <figcaption>{t('ratings')}</figcaption>
          <PieChart width={360} height={220}>
            <Pie data={ratings} dataKey="count" nameKey="level" outerRadius={70} isAnimationActive={false} label>
              {ratings.map((r) => (
                <Cell key={r.level} fill={LEVEL_COLOURS[view.today.ratings.findIndex((x) => x.level === r.level)] ?? '#888'} />
              ))}
            </Pie>
            <Legend />
            <Tooltip />
          </PieChart>
          <table className="sr-table">
            <tbody>
              {view.today.ratings.map((r) => (
                <tr key={r.level} data-testid={`rating-${r.level}`}>
                  <th>{r.level}</th>
                  <td>{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
        <PoorReasons testId="poor-reasons" rowId="poor-reason" callbacksId="callbacks-asked" caption={t('poorReasons')} empty={t('noPoorReasons')} reasons={view.today.reasons} callbacks={view.today.callbacks} />
        {view.platform && (
          <figure data-testid="chart-by-stage">
            <figcaption>
              {t('platform')}：{t('platformTaken', { n: view.platform.applicationsTaken, c: view.platform.ratingsCount, avg: view.platform.averageStars?.toFixed(1) ?? t('none') })}
            </figcaption>
            <BarChart width={360} height={220} data={view.platform.byStage}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="stage" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="count" fill="#0f766e" isAnimationActive={false} />
            </BarChart>
          </figure>
        )}
        {view.platform && (
          <PoorReasons testId="platform-poor-reasons" rowId="platform-poor-reason" callbacksId="platform-callbacks" caption={t('platformPoorReasons')} empty={t('platformNoPoorReasons')} reasons={view.platform.reasons} callbacks={view.platform.callbacks} />
        )}
      </div>
      {view.platformError && <p role="status">{view.platformError}</p>}
      <button type="button" className="btn btn-secondary" data-testid="workload-refresh" onClick={() => void load()}>
        {t('refresh')}
      </button>
      <ErrorNotice error={error} />
    </section>
  );
}

/** A poor rating's reasons, most given first, and the callbacks asked for: today's at this counter, or the platform's. */
function PoorReasons(props: { testId: string; rowId: string; callbacksId: string; caption: string; empty: string; reasons: WorkloadView['today']['reasons']; callbacks: number }) {
  const { t } = useTranslation('counter');
  const { t: tf } = useTranslation('feedback');
  return (
    <figure data-testid={props.testId}>
      <figcaption>{props.caption}</figcaption>
      {props.reasons.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <table>
          <tbody>
            {props.reasons.map((r) => (
              <tr key={r.reason} data-testid={`${props.rowId}-${r.reason}`}>
                <th>{tf(`reasons.${r.reason}`)}</th>
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p data-testid={props.callbacksId}>{t('callbacksAsked', { n: props.callbacks })}</p>
    </figure>
  );
}

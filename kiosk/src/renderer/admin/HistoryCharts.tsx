// The last 24 h from the minute samples main keeps: working devices, outbox depth, backend latency.
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from '@easydo/core/ui/terminal-context';

const hhmm = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function HistoryCharts() {
  const { t } = useTranslation('admin');
  const history = useQuery('admin:history', { hours: 24 });
  const data = (history.data ?? []).map((p) => ({ at: hhmm(p.at), working: p.working, queue: p.outboxDepth, latency: p.latencyMs }));
  return (
    <section className="history" data-testid="history">
      <h2>{t('dash.history')}</h2>
      <div className="charts">
        <figure>
          <ResponsiveContainer width="100%" height={200}>
            <LineChart data={data}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="at" minTickGap={40} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Line type="stepAfter" dataKey="working" name={t('dash.working')} stroke="#0f6b2f" dot={false} isAnimationActive={false} />
              <Line type="stepAfter" dataKey="queue" name={t('dash.queue')} stroke="#0b4f9c" dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </figure>
        <figure>
          <ResponsiveContainer width="100%" height={200}>
            <LineChart data={data}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="at" minTickGap={40} />
              <YAxis />
              <Tooltip />
              <Legend />
              <Line type="monotone" dataKey="latency" name={t('dash.latencyMs')} stroke="#a40e26" dot={false} connectNulls isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </figure>
      </div>
    </section>
  );
}

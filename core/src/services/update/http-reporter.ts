// Update reports to the fleet over HTTPS (POST <feedUrl>/reports), validated before they leave. Best effort: a
// report that does not arrive is superseded by the next one (the fleet keeps the latest per terminal), and the
// rollback ledger re-sends nothing the helper has not recorded. The MQTT topic for these is not wired yet.
import { UpdateReport } from './report';
import type { UpdateReporter } from './ports';

export class HttpUpdateReporter implements UpdateReporter {
  constructor(
    private readonly feedUrl: string,
    private readonly doFetch: typeof fetch = fetch,
  ) {}

  async report(r: UpdateReport): Promise<void> {
    const body = JSON.stringify(UpdateReport.parse(r));
    const res = await this.doFetch(`${this.feedUrl.replace(/\/$/, '')}/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, redirect: 'error', signal: AbortSignal.timeout(15_000) });
    await res.body?.cancel();
    if (!res.ok) throw new Error(`the fleet answered ${res.status}`);
  }
}

// Development only: the sandbox issues a synthetic resident's dynamic code (fresh, expired, used or revoked) and
// the simulated 2D scanner shows it (needs devices.qrScanner.transport "simulator"); main refuses otherwise.
import { useQuery, useTerminal } from '@easydo/core/ui/terminal-context';

const RESIDENTS = ['res01', 'res03', 'hmt01', 'frn23a'] as const;

export function PhoneCodeSimulator() {
  const api = useTerminal();
  const options = useQuery('identity:options', {});
  if (!options.data?.available) return null;
  const show = (residentId: string, spoil?: 'expired' | 'used' | 'revoked') => void api.invoke('sim:showCode', { residentId, codeKind: 'ctid', ...(spoil ? { spoil } : {}) });
  return (
    <div className="sim-cards" data-testid="sim-phone-codes">
      {RESIDENTS.map((id) => (
        <button key={id} type="button" className="sim-card" data-testid={`sim-code-${id}`} onClick={() => show(id)}>
          码 {id}
        </button>
      ))}
      <button type="button" className="sim-card" data-testid="sim-code-expired" onClick={() => show('res01', 'expired')}>码 过期</button>
      <button type="button" className="sim-card" data-testid="sim-code-used" onClick={() => show('res01', 'used')}>码 已用</button>
      <button type="button" className="sim-card" data-testid="sim-code-revoked" onClick={() => show('res01', 'revoked')}>码 停用</button>
    </div>
  );
}

// Hidden admin entry: five taps on the top-left corner within three seconds opens the PIN pad. Where maintainers
// have their own credentials, the staff number goes first (tap its field; the keypad types into the chosen one),
// so the audit trail names who entered.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTerminal } from '@easydo/core/ui/terminal-context';
import type { ContractError } from '@easydo/core/contract/errors';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';

export function AdminCorner({ onOpen }: { onOpen: () => void }) {
  const taps = useRef<number[]>([]);
  const tap = () => {
    const now = Date.now();
    taps.current = [...taps.current.filter((t) => now - t < 3000), now];
    if (taps.current.length >= 5) {
      taps.current = [];
      onOpen();
    }
  };
  return <div className="admin-corner" data-testid="admin-corner" onClick={tap} aria-hidden="true" />;
}

export function AdminPinPad({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const api = useTerminal();
  const [pin, setPinValue] = useState('');
  const [operatorId, setOperatorId] = useState('');
  const [field, setField] = useState<'pin' | 'operator'>('pin');
  const [error, setError] = useState<ContractError | null>(null);
  const setPin = (next: (v: string) => string) => (field === 'pin' ? setPinValue((v) => next(v).slice(0, 12)) : setOperatorId((v) => next(v).slice(0, 8)));
  const submit = async () => {
    const r = await api.invoke('admin:login', { pin, ...(operatorId ? { operatorId } : {}) });
    setPinValue('');
    if (!r.ok) setError(r.error);
  };
  return (
    <div className="modal" role="dialog" aria-modal="true" aria-label={t('admin.pin')}>
      <label>
        {t('admin.operator')}
        <input data-testid="admin-operator" inputMode="numeric" autoComplete="off" value={operatorId} aria-current={field === 'operator'} onFocus={() => setField('operator')} onChange={(e) => setOperatorId(e.target.value.replace(/\D/g, '').slice(0, 8))} />
      </label>
      <label>
        {t('admin.pin')}
        <input data-testid="admin-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} aria-current={field === 'pin'} onFocus={() => setField('pin')} onChange={(e) => setPinValue(e.target.value.replace(/\D/g, '').slice(0, 12))} />
      </label>
      <div className="keypad">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <button key={d} type="button" data-testid={`pin-key-${d}`} onClick={() => setPin((p) => p + d)}>
            {d}
          </button>
        ))}
        {/* A mistyped digit is taken back one at a time, or all at once, without reaching for a keyboard. */}
        <button type="button" data-testid="pin-clear" onClick={() => setPin(() => '')}>
          {t('admin.clear')}
        </button>
        <button type="button" data-testid="pin-key-0" onClick={() => setPin((p) => p + '0')}>
          0
        </button>
        <button type="button" data-testid="pin-delete" aria-label={t('admin.delete')} onClick={() => setPin((p) => p.slice(0, -1))}>
          ⌫
        </button>
      </div>
      <ErrorNotice error={error} />
      <button type="button" className="btn btn-primary" data-testid="admin-enter" onClick={() => void submit()}>
        {t('admin.enter')}
      </button>
      <button type="button" className="btn btn-secondary" onClick={onClose}>
        {t('catalogue.back')}
      </button>
    </div>
  );
}

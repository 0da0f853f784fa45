// Picks the mode shell from the mode main holds for this window, and follows it when it changes.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerminalInfo } from '@easydo/core/contract/schemas/terminal';
import { useEvent, useTerminal } from '@easydo/core/ui/terminal-context';
import { TimeZoneContext } from '@easydo/core/ui/time-zone';
import { CounterApp } from '@easydo/counter/ui/CounterApp';
import { DisplayApp } from '@easydo/counter/ui/DisplayApp';
import { KioskApp } from './kiosk/KioskApp';
import { HardwareLayoutContext } from './kiosk/hardware-layout';
import { AdminApp } from './admin/AdminApp';
import { SimulatorPanel } from './dev/SimulatorPanel';
import { ALargeSmall, Landmark, Languages } from 'lucide-react';

export function App() {
  const { t, i18n } = useTranslation();
  const api = useTerminal();
  const [info, setInfo] = useState<TerminalInfo | null>(null);
  const [elder, setElder] = useState(false);
  // A window opened for maintenance shows the PIN pad once; after 退出维护 it is a resident screen like any other.
  const [leftAdmin, setLeftAdmin] = useState(false);

  const load = useCallback(() => {
    void api.invoke('terminal:info', {}).then((r) => {
      if (!r.ok) return;
      setInfo((before) => {
        if (before?.mode === 'admin' && r.value.mode !== 'admin') setLeftAdmin(true);
        return r.value;
      });
    });
  }, [api]);
  useEffect(load, [load]);
  useEvent('mode:changed', useCallback(() => load(), [load]));
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.documentElement.classList.toggle('elder', elder);
  }, [i18n.language, elder]);

  if (!info) return <p className="loading">…</p>;
  const toggleLanguage = () => void i18n.changeLanguage(i18n.language === 'en' ? 'zh-CN' : 'en');
  // A resident's elder mode and language are theirs alone: the next person starts from the terminal's defaults.
  const resetForNextPerson = () => {
    setElder(false);
    if (i18n.language !== info.defaultLanguage) void i18n.changeLanguage(info.defaultLanguage);
  };
  return (
    <TimeZoneContext.Provider value={info.timeZone}>
      <HardwareLayoutContext.Provider value={info.hardware}>
      <div className="app" data-mode={info.mode}>
        <header className="topbar">
          <Landmark aria-hidden="true" className="topbar-emblem" />
          <span className="topbar-names">
            <span className="centre" data-testid="centre-name">{info.centreName}</span>
            <span className="brand">{t('app.title')}</span>
          </span>
          <button type="button" className="btn topbar-btn" data-testid="toggle-elder" aria-pressed={elder} onClick={() => setElder((e) => !e)}>
            <ALargeSmall aria-hidden="true" className="icon" />
            <span>{elder ? t('app.normal') : t('app.elder')}</span>
          </button>
          <button type="button" className="btn topbar-btn" data-testid="toggle-language" onClick={toggleLanguage}>
            <Languages aria-hidden="true" className="icon" />
            <span>{t('app.language')}</span>
          </button>
        </header>
        {info.mode === 'admin' ? <AdminApp /> : info.mode === 'counter' ? <CounterApp /> : info.mode === 'display' ? <DisplayApp /> : <KioskApp adminEntry={info.entry === 'admin' && !leftAdmin} elder={elder} onSessionEnd={resetForNextPerson} />}
        {info.simulated && info.mode !== 'display' && <SimulatorPanel />}
      </div>
      </HardwareLayoutContext.Provider>
    </TimeZoneContext.Provider>
  );
}

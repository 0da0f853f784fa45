import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TerminalContext } from '@easydo/core/ui/terminal-context';
import { resolveTerminalApi } from './platform/platform';
import { initI18n } from './i18n/index';
import { App } from './App';
import '@easydo/core/ui/design/tokens.css';
import '@easydo/core/ui/design/kit.css';
import './styles.css';

initI18n('zh-CN');
const api = resolveTerminalApi();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <TerminalContext.Provider value={api}>
      <App />
    </TerminalContext.Provider>
  </StrictMode>,
);

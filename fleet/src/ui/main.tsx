import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import './styles.css';

initI18n();
createRoot(document.getElementById('root')!).render(<App />);

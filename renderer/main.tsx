import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { translator } from '../shared/i18n/translate.ts';
import { App } from './App.tsx';
import { getDoctorApi } from './doctor-api.ts';
import { I18nProvider } from './i18n.tsx';
import { initialLang, richNodes } from './logic/language.ts';
import { StoresContext } from './store-context.tsx';
import { createAppStores } from './stores/index.ts';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const api = getDoctorApi();
if (!api) {
  const lang = initialLang();
  const { t } = translator(lang);
  document.documentElement.lang = lang;
  root.render(
    <main className="fatal" role="alert">
      <h1>{t('app.fatal.title')}</h1>
      <p>{t('app.fatal.no-main')}</p>
      <p>{richNodes(t('app.fatal.restart', { command: 'npm run doctor -- diagnose' }))}</p>
    </main>,
  );
} else {
  const stores = createAppStores(api);
  root.render(
    <StrictMode>
      <I18nProvider>
        <StoresContext.Provider value={stores}>
          <App />
        </StoresContext.Provider>
      </I18nProvider>
    </StrictMode>,
  );
}

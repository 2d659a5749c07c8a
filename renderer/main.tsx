import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { getDoctorApi } from './doctor-api.ts';
import { StoresContext } from './store-context.tsx';
import { createAppStores } from './stores/stores.ts';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const api = getDoctorApi();
if (!api) {
  root.render(
    <main className="fatal" role="alert">
      <h1>Codex Connection Doctor could not start</h1>
      <p>The app window has no connection to its main process.</p>
      <p>Restart the app. If that does not help, use the command line: <code>npm run doctor -- diagnose</code>.</p>
    </main>,
  );
} else {
  const stores = createAppStores(api);
  root.render(
    <StrictMode>
      <StoresContext.Provider value={stores}>
        <App />
      </StoresContext.Provider>
    </StrictMode>,
  );
}

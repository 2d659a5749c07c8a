import { useEffect, useRef } from 'react';
import { PROJECT_PAGE } from '../shared/ipc.ts';
import type { MessageId } from '../shared/i18n/message.ts';
import { ErrorNotice, ExternalLink } from './components/common.tsx';
import { LanguageSwitch, useText } from './i18n.tsx';
import { useSlice, useStores } from './store-context.tsx';
import { ApplyStep } from './steps/apply/ApplyStep.tsx';
import { ChooseFixStep } from './steps/choose-fix/ChooseFixStep.tsx';
import { DiagnoseStep } from './steps/diagnose/DiagnoseStep.tsx';
import { DoneStep } from './steps/done/DoneStep.tsx';
import { FindingsStep } from './steps/findings/FindingsStep.tsx';
import { HistoryPage } from './steps/history/HistoryPage.tsx';
import { PreviewStep } from './steps/preview/PreviewStep.tsx';
import { StartStep } from './steps/start/StartStep.tsx';
import { WIZARD_STEPS, type WizardStep } from './stores/index.ts';

const STEP_VIEW: Record<WizardStep, () => React.JSX.Element> = {
  start: StartStep,
  diagnose: DiagnoseStep,
  findings: FindingsStep,
  choose: ChooseFixStep,
  preview: PreviewStep,
  apply: ApplyStep,
  done: DoneStep,
};

const STEP_TITLE: Record<WizardStep, MessageId> = {
  start: 'app.title.start',
  diagnose: 'app.title.diagnose',
  findings: 'app.title.findings',
  choose: 'app.title.choose',
  preview: 'app.title.preview',
  apply: 'app.title.apply',
  done: 'app.title.done',
};

export function App() {
  const stores = useStores();
  const { t } = useText();
  const { page, step } = useSlice(
    (s) => s.wizard,
    (s) => s,
  );
  const linkError = useSlice(
    (s) => s.links,
    (s) => s.error,
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const stepIndex = WIZARD_STEPS.findIndex((s) => s.id === step);

  // Moving to a new step moves keyboard and screen-reader focus to its heading.
  useEffect(() => {
    heading.current?.focus();
  }, [page, step]);

  const View = page === 'history' ? HistoryPage : STEP_VIEW[step];
  return (
    <div className="app">
      <header className="app-header">
        <p className="brand">
          <img src="./icon.svg" alt="" width={28} height={28} /> {t('app.brand')}
        </p>
        <div className="header-tools">
          <nav aria-label={t('app.nav.label')}>
            <button
              type="button"
              className="link-button"
              aria-current={page === 'wizard' ? 'page' : undefined}
              onClick={() => stores.wizard.getState().showPage('wizard')}
            >
              {t('app.nav.wizard')}
            </button>
            <button
              type="button"
              className="link-button"
              aria-current={page === 'history' ? 'page' : undefined}
              onClick={() => stores.wizard.getState().showPage('history')}
            >
              {t('app.nav.history')}
            </button>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      {page === 'wizard' && (
        <ol className="steps" aria-label={t('app.steps.label')}>
          {WIZARD_STEPS.map((s, i) => (
            <li
              key={s.id}
              className={i < stepIndex ? 'past' : i === stepIndex ? 'current' : 'future'}
              aria-current={i === stepIndex ? 'step' : undefined}
            >
              <span className="step-number" aria-hidden="true">
                {i + 1}
              </span>
              {t(s.label)}
            </li>
          ))}
        </ol>
      )}
      <main className="content" data-step={page === 'history' ? 'history' : step}>
        <h1 ref={heading} tabIndex={-1}>
          {t(page === 'history' ? 'app.title.history' : STEP_TITLE[step])}
        </h1>
        <View />
      </main>
      <footer className="app-footer">
        <ExternalLink url="https://developers.openai.com/codex/config-reference">
          {t('app.footer.codex-docs')}
        </ExternalLink>
        <ExternalLink url={PROJECT_PAGE}>{t('app.footer.project')}</ExternalLink>
        {linkError && <ErrorNotice error={linkError} />}
      </footer>
    </div>
  );
}

// Where the user is: the wizard's step, or the History page.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MessageId } from '../../shared/i18n/message.ts';

export type WizardStep = 'start' | 'diagnose' | 'findings' | 'choose' | 'preview' | 'apply' | 'done';
export const WIZARD_STEPS: { id: WizardStep; label: MessageId }[] = [
  { id: 'start', label: 'app.step.start' },
  { id: 'diagnose', label: 'app.step.diagnose' },
  { id: 'findings', label: 'app.step.findings' },
  { id: 'choose', label: 'app.step.choose' },
  { id: 'preview', label: 'app.step.preview' },
  { id: 'apply', label: 'app.step.apply' },
  { id: 'done', label: 'app.step.done' },
];

export interface WizardState {
  page: 'wizard' | 'history';
  step: WizardStep;
  goTo(step: WizardStep): void;
  showPage(page: 'wizard' | 'history'): void;
}

export function createWizardStore(): StoreApi<WizardState> {
  return createStore<WizardState>((set) => ({
    page: 'wizard',
    step: 'start',
    goTo: (step) => set({ step, page: 'wizard' }),
    showPage: (page) => set({ page }),
  }));
}

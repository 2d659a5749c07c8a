// The renderer's state: one zustand store per concern, one file each. Every call to window.doctor
// happens in an action of a store; components only read state and call actions.
import type { StoreApi } from 'zustand/vanilla';
import type { DoctorApi } from '../../shared/ipc.ts';
import { createDiagnosisStore, type DiagnosisState } from './diagnosis.ts';
import { createFixStore, type FixState } from './fix.ts';
import { createHistoryStore, type HistoryState } from './history.ts';
import { createLinkStore, type LinkState } from './links.ts';
import { createReportStore, type ReportState } from './report.ts';
import { createSetupStore, type SetupState } from './setup.ts';
import { createWizardStore, type WizardState } from './wizard.ts';

export { WIZARD_STEPS, type WizardStep, type WizardState } from './wizard.ts';
export { upsertCheck, type DiagnosisState } from './diagnosis.ts';
export { isStalePlan, type FixState } from './fix.ts';
export type { SetupState } from './setup.ts';
export type { HistoryState } from './history.ts';
export type { ReportState } from './report.ts';
export type { LinkState } from './links.ts';

export interface AppStores {
  wizard: StoreApi<WizardState>;
  setup: StoreApi<SetupState>;
  diagnosis: StoreApi<DiagnosisState>;
  fix: StoreApi<FixState>;
  history: StoreApi<HistoryState>;
  report: StoreApi<ReportState>;
  links: StoreApi<LinkState>;
}

export function createAppStores(api: DoctorApi): AppStores {
  return {
    wizard: createWizardStore(),
    setup: createSetupStore(api),
    diagnosis: createDiagnosisStore(api),
    fix: createFixStore(api),
    history: createHistoryStore(api),
    report: createReportStore(api),
    links: createLinkStore(api),
  };
}

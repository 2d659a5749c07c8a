// What the app's main process (and the browser mode's server) can ask of the core. Implemented in
// electron/core/service.ts; the IPC contract in shared/ipc.ts maps channels onto these calls.
import type {
  ApplicableFix,
  CheckEvent,
  DiagnosisReport,
  FixPlan,
  HistoryItem,
  Message,
  RevertOutcome,
} from './types.ts';
import type { Locale } from './i18n/locale.ts';

export interface SetupSummary {
  home: string;
  homeExists: boolean;
  profile: string | null;
  profiles: string[];
  providerId: string | null;
  providerBuiltIn: boolean | null;
  baseUrl: string | null;
  supportsWebsockets: boolean | null;
  authMode: DiagnosisReport['codex']['authMode'];
  /** What the probes will authenticate with, described (never the secret). */
  credential: DiagnosisReport['codex']['credential'];
  codexVersion: string | null;
  /** Problems found while reading the config, e.g. a syntax error with its line and column. */
  problems: { summary: Message; location?: string }[];
}

export interface ApplyResult {
  changeId: string;
  /** The diagnosis run just before applying (the one the plan came from), if any. */
  before: DiagnosisReport | null;
  /** The diagnosis run again after applying. */
  after: DiagnosisReport;
  history: HistoryItem;
}

export type RevertMode = 'strict' | 'remove-fix-lines' | 'keep';

export interface DoctorService {
  setup(req: { profile?: string | null }): Promise<SetupSummary>;
  diagnose(
    req: { profile?: string | null },
    onProgress: (event: CheckEvent) => void,
    signal: AbortSignal,
  ): Promise<DiagnosisReport>;
  /** `pickCaFile` (trust-ca): main asks the user for the CA file; the path never reaches the renderer. */
  previewFix(req: {
    fix: ApplicableFix;
    profile?: string | null;
    proxyUrl?: string;
    proxyLogin?: { user: string; password: string };
    pickCaFile?: boolean;
    lang?: Locale;
  }): Promise<FixPlan>;
  applyFix(req: { planId: string }): Promise<ApplyResult>;
  revert(req: { changeId: string; mode?: RevertMode }): Promise<RevertOutcome>;
  history(): Promise<HistoryItem[]>;
  /** A redacted report of the last diagnosis, for a support thread. */
  exportReport(req: { format: 'markdown' | 'json'; lang?: Locale }): Promise<{ text: string; suggestedName: string }>;
}

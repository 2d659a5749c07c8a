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
  /**
   * The state before the change: the last diagnosis of the plan's profile, else a short one run just
   * before applying (electron/core/workflow.ts, as the command line's). Null only from an older main.
   */
  before: DiagnosisReport | null;
  /** The diagnosis run again after applying. */
  after: DiagnosisReport;
  history: HistoryItem;
}

export type RevertMode = 'strict' | 'remove-fix-lines' | 'keep';

export type ReportFormat = 'markdown' | 'json';

/** A proxy's user name and password the user typed, for use-proxy; held in memory only. */
export interface ProxyLogin {
  user: string;
  password: string;
}

// The requests, written once: the IPC contract (shared/ipc.ts) derives its request and response
// types from DoctorService, and its validators must return exactly these (checked at compile time).

export interface SetupRequest {
  profile?: string | null;
}

export interface DiagnoseRequest {
  profile?: string | null;
}

export interface PreviewFixRequest {
  fix: ApplicableFix;
  profile?: string | null;
  /** A proxy URL the user typed (use-proxy); without it, the proxy the last diagnosis proved. */
  proxyUrl?: string;
  proxyLogin?: ProxyLogin;
  /** trust-ca: main asks the user for the CA file (a native dialog, in `lang`); the path never reaches the renderer. */
  pickCaFile?: boolean;
  lang?: Locale;
}

export interface ApplyFixRequest {
  planId: string;
}

export interface RevertRequest {
  changeId: string;
  mode?: RevertMode;
}

export interface ExportReportRequest {
  format: ReportFormat;
  /** The language the Markdown is written in (JSON keeps its English keys and adds the text in it). */
  lang?: Locale;
}

export interface DoctorService {
  setup(req: SetupRequest): Promise<SetupSummary>;
  diagnose(
    req: DiagnoseRequest,
    onProgress: (event: CheckEvent) => void,
    signal: AbortSignal,
  ): Promise<DiagnosisReport>;
  previewFix(req: PreviewFixRequest): Promise<FixPlan>;
  applyFix(req: ApplyFixRequest): Promise<ApplyResult>;
  revert(req: RevertRequest): Promise<RevertOutcome>;
  history(): Promise<HistoryItem[]>;
  /** A redacted report of the last diagnosis, for a support thread. */
  exportReport(req: ExportReportRequest): Promise<{ text: string; suggestedName: string }>;
}

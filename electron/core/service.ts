// The core as the app sees it (shared/service.ts): the renderer names fixes, plans and changes by
// id; file paths and file bytes stay here.
import os from 'node:os';
import type { DoctorService, SetupSummary } from '../../shared/service.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import { loadCodexSetup, resolveCodexHome } from './codex/index.ts';
import { codexSummary } from './diagnosis/diagnose.ts';
import { reportToMarkdown } from './diagnosis/report-markdown.ts';
import { FixError, listHistory, type PlannedFix } from './fixes/index.ts';
import { createFixEngine } from './workflow.ts';
import { formatLocation } from '../../shared/format.ts';
import { msg } from '../../shared/i18n/message.ts';
import { english, translator, withText } from '../../shared/i18n/translate.ts';

export interface DoctorServiceOptions {
  codexHome?: string;
  env: NodeJS.ProcessEnv;
  journalDir?: string;
  platform?: NodeJS.Platform;
  /** Probe budget per step (default 2500 ms). */
  timeoutMs?: number;
  /** Extra loopback proxy ports to test (the tests' lab proxies). */
  extraProxyPorts?: number[];
  /** Run Codex's own doctor during diagnoses (default true). */
  codexDoctor?: boolean;
  /** For trust-ca with `pickCaFile`: asks the user for the CA file (Electron's open dialog, in the page's language); null when cancelled. The path stays in main. */
  pickCaFile?: (lang?: Locale) => Promise<string | null>;
}

/** Plans kept for the app to apply by id; a preview older than this must be made again. */
const PLAN_TTL_MS = 30 * 60_000;

export function createDoctorService(options: DoctorServiceOptions): DoctorService {
  const env = options.env;
  const platform = options.platform ?? process.platform;
  const codexHome = resolveCodexHome({ flag: options.codexHome, env, platform, homedir: os.homedir() }).home;
  // The same workflow as the command line's; the app's diagnoses are its "before" and its proven proxy.
  const engine = createFixEngine({
    codexHome,
    env,
    platform,
    journalDir: options.journalDir,
    timeoutMs: options.timeoutMs,
    extraProxyPorts: options.extraProxyPorts,
    codexDoctor: options.codexDoctor,
  });
  const plans = new Map<string, { planned: PlannedFix; createdAt: number }>();

  return {
    async setup(req): Promise<SetupSummary> {
      const setup = await loadCodexSetup({
        codexHome,
        profile: req.profile ?? null,
        env,
        platform,
        findInstalls: true,
      });
      const c = codexSummary(setup);
      return {
        home: c.home,
        homeExists: c.homeExists,
        profile: c.profile,
        profiles: c.profiles,
        providerId: c.provider?.id ?? null,
        providerBuiltIn: c.provider?.builtIn ?? null,
        baseUrl: c.provider?.baseUrl ?? null,
        supportsWebsockets: c.provider?.supportsWebsockets ?? null,
        authMode: c.authMode,
        credential: c.credential,
        codexVersion: c.version,
        problems: setup.findings
          .filter((f) => f.severity === 'error')
          .map((f) => ({
            summary: f.summary,
            location: f.location ? formatLocation(f.location) : undefined,
          })),
      };
    },

    diagnose(req, onProgress, signal) {
      return engine.diagnose(req.profile ?? null, { signal, onProgress });
    },

    async previewFix(req) {
      let caFile: string | undefined;
      if (req.fix === 'trust-ca' && req.pickCaFile) {
        const picked = options.pickCaFile ? await options.pickCaFile(req.lang) : null;
        if (!picked) throw new FixError(msg('fixes.error.no-ca-file-chosen'), 'not-applicable');
        caFile = picked;
      }
      const planned = await engine.prepare({
        fix: req.fix,
        profile: req.profile ?? null,
        ...(req.proxyUrl !== undefined ? { proxyUrl: req.proxyUrl } : {}),
        ...(req.proxyLogin ? { proxyLogin: req.proxyLogin } : {}),
        ...(caFile ? { caFile } : {}),
      });
      const now = Date.now();
      for (const [id, p] of plans) if (now - p.createdAt > PLAN_TTL_MS) plans.delete(id);
      plans.set(planned.plan.planId, { planned, createdAt: now });
      return planned.plan;
    },

    async applyFix(req) {
      const held = plans.get(req.planId);
      if (!held) throw new FixError(msg('fixes.error.plan-expired'), 'plan-expired');
      plans.delete(req.planId);
      const { entry, before, after } = await engine.applyAndVerify(held.planned);
      const history = listHistory(engine.journalDir).find((h) => h.id === entry.id)!;
      return { changeId: entry.id, before, after, history };
    },

    revert(req) {
      return engine.revert(req.changeId, req.mode);
    },

    async history() {
      // As the command line does: settle changes a killed run left pending; damaged entries are skipped.
      return (await engine.history()).items;
    },

    async exportReport(req) {
      const tr = translator(req.lang ?? 'en');
      const lastReport = engine.lastReport;
      if (!lastReport) {
        const userMessage = msg('report.no-report-yet');
        throw Object.assign(new Error(english(userMessage)), { userMessage });
      }
      const stamp = lastReport.startedAt.replace(/[:.]/g, '-');
      // JSON: the report's English keys and ids, each message with its text in the chosen language (as `--json`).
      return req.format === 'json'
        ? {
            text: JSON.stringify(withText(lastReport, tr), null, 2) + '\n',
            suggestedName: `codex-connection-report-${stamp}.json`,
          }
        : { text: reportToMarkdown(lastReport, tr), suggestedName: `codex-connection-report-${stamp}.md` };
    },
  };
}

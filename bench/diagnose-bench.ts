// Benchmark: how long a complete verdict takes in each lab situation, and how much memory the
// diagnosis uses. Targets (issue 2): under 1.5 s when failures are fast, under 5 s when the
// WebSocket stalls. Usage: npm run bench -- [--runs N] [--check] [--json]
// The lab's API wants credentials like OpenAI's: each scenario's `env` (the provider's env_key such
// as LAB_KEY, or a proxy set in the shell) is given to the diagnosis and to the command line, as the
// user's shell would export it for Codex, so the probes authenticate and do the frame round trip.
import { parseArgs } from 'node:util';
import { runDiagnosis } from '../electron/core/diagnosis/diagnose.ts';
import { setupScenario, SCENARIO_NAMES, type Scenario, type ScenarioName } from '../tests/lab/scenarios.ts';
import { runProcess } from '../tests/lab/run-process.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    check: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(values.runs));

/** The machine's PATH and HOME, no proxy variables: the scenario adds what Codex needs. */
const cleanEnv = (scenario: Scenario): Record<string, string | undefined> => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  ...scenario.env,
});

/** The stalled WebSocket is the one situation that must wait for a probe's timeout. */
const targetMs = (name: ScenarioName) => (name === 'ws-stalled' ? 5000 : 1500);

interface Row {
  scenario: ScenarioName;
  verdict: string;
  expected: string;
  medianMs: number;
  maxMs: number;
  targetMs: number;
  peakRssMiB: number;
  pass: boolean;
}

const rows: Row[] = [];
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

for (const name of SCENARIO_NAMES) {
  const scenario = await setupScenario(name);
  try {
    const times: number[] = [];
    let verdict = '';
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const report = await runDiagnosis({
        codexHome: scenario.codexHome,
        env: cleanEnv(scenario),
        extraProxyPorts: scenario.extraProxyPorts,
        codexDoctor: false,
      });
      times.push(performance.now() - t0);
      verdict =
        report.recommendation.fix + (report.recommendation.proxyUrl ? ` ${report.recommendation.proxyUrl}` : '');
    }
    times.sort((a, b) => a - b);
    const medianMs = Math.round(times[Math.floor(times.length / 2)]!);
    const maxMs = Math.round(times[times.length - 1]!);
    const expected = scenario.expectedFix + (scenario.expectedProxyUrl ? ` ${scenario.expectedProxyUrl}` : '');
    rows.push({
      scenario: name,
      verdict,
      expected,
      medianMs,
      maxMs,
      targetMs: targetMs(name),
      peakRssMiB: Math.round(peakRss / 2 ** 20),
      pass: maxMs < targetMs(name) && verdict === expected,
    });
  } finally {
    await scenario.stop();
  }
}
clearInterval(sampler);

// The command line from start to exit: the verdict plus process start-up, and nothing left
// running afterwards (a pending DNS query or timer would keep the process alive). It gets the
// scenario's environment like the diagnosis above, and its JSON verdict is checked too.
const CLI_SCENARIOS = [
  'ws-refused',
  'proxy-needed',
  'auth-ok-env-key',
  'wrong-key',
] as const satisfies readonly ScenarioName[];
const cliTimes: { scenario: ScenarioName; ms: number; verdict: string; expected: string }[] = [];
for (const name of CLI_SCENARIOS) {
  const scenario = await setupScenario(name);
  try {
    const ports = scenario.extraProxyPorts.flatMap((p) => ['--proxy-port', String(p)]);
    const t0 = performance.now();
    const run = await runProcess(
      process.execPath,
      [
        '--import',
        'tsx',
        'electron/cli.ts',
        'diagnose',
        '--json',
        '--no-codex-doctor',
        '--codex-home',
        scenario.codexHome,
        ...ports,
      ],
      { env: { ...cleanEnv(scenario), NO_COLOR: '1' } },
    );
    const ms = Math.round(performance.now() - t0);
    let verdict: string;
    try {
      const rec = (JSON.parse(run.stdout) as { recommendation: { fix: string; proxyUrl?: string } }).recommendation;
      verdict = rec.fix + (rec.proxyUrl ? ` ${rec.proxyUrl}` : '');
    } catch {
      verdict = `no JSON (exit ${run.code}): ${run.stderr.trim().split('\n').pop() ?? ''}`;
    }
    const expected = scenario.expectedFix + (scenario.expectedProxyUrl ? ` ${scenario.expectedProxyUrl}` : '');
    cliTimes.push({ scenario: name, ms, verdict, expected });
  } finally {
    await scenario.stop();
  }
}

if (values.json) {
  console.log(JSON.stringify({ runs, rows, cliTimes }, null, 2));
} else {
  console.log(`Diagnosis benchmark — ${runs} run(s) per scenario, times from start to verdict\n`);
  const header = ['scenario', 'verdict', 'median', 'max', 'target', 'peak RSS', ''];
  const table = rows.map((r) => [
    r.scenario,
    r.verdict === r.expected ? r.verdict : `${r.verdict} (expected ${r.expected})`,
    `${r.medianMs} ms`,
    `${r.maxMs} ms`,
    `< ${r.targetMs} ms`,
    `${r.peakRssMiB} MiB`,
    r.pass ? 'ok' : 'MISS',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  for (const row of [header, ...table]) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  console.log('');
  for (const c of cliTimes) {
    const verdict = c.verdict === c.expected ? c.verdict : `${c.verdict} (expected ${c.expected}) MISS`;
    console.log(
      `command line \`diagnose --json\` on ${c.scenario}: ${verdict}, start to exit ${c.ms} ms (tsx start-up included)`,
    );
  }
  console.log(
    '\nFor comparison (FACTS.md): Codex 0.169 needs 6.5–7 s when the upgrade is refused, 112 s when it stalls,',
  );
  console.log('and never answers when the proxy is missing or dead; `codex doctor` takes 15 s on a stalled WebSocket.');
}
if (values.check && (rows.some((r) => !r.pass) || cliTimes.some((c) => c.verdict !== c.expected))) process.exitCode = 1;

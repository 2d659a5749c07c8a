// Reading the user's Codex setup as Codex 0.169–0.171 would (re-verified with the pinned 0.171.0). See findings.ts for the finding ids.
export { resolveCodexHome, type CodexHomeOptions, type ResolvedCodexHome } from './home.ts';
export { parseDotenv, type DotenvEntry, type DotenvProblem, type DotenvParseResult } from './dotenv.ts';
export { authModeFromAuthJson } from './auth.ts';
export {
  resolveEffectiveProvider,
  mergeLayers,
  RESERVED_PROVIDER_IDS,
  BUILT_IN_PROVIDER_IDS,
  OPENAI_API_BASE_URL,
  CHATGPT_BASE_URL,
  DEFAULT_WEBSOCKET_CONNECT_TIMEOUT_MS,
  type ConfigLayer,
} from './provider.ts';
export { resolveProxyEnv, isIgnoredDotenvKey } from './proxy-env.ts';
export { loadCodexSetup, readCodexSetup, type LoadCodexSetupOptions } from './setup.ts';
export { ProbeCredential, resolveCredential, jwtPayload, type CredentialInputs } from './credentials.ts';
export {
  findCodexInstalls,
  parseCodexVersion,
  compareVersions,
  DOCTOR_MIN_VERSION,
  type FindInstallsOptions,
} from './installs.ts';
export { runCodexDoctor, summariseChecks, type RunDoctorOptions } from './doctor.ts';

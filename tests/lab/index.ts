// The test lab: real local servers, proxies and the real Codex CLI, all on 127.0.0.1.
export {
  startFakeResponsesApi,
  responseEvents,
  authFailure,
  labJwt,
  maskKey,
  LAB_API_KEY,
  LAB_OTHER_API_KEY,
  LAB_CHATGPT_LOGIN,
} from './fake-responses-api.ts';
export type {
  FakeApiAuth,
  FakeApiMode,
  FakeApiStats,
  FakeResponsesApi,
  FakeResponsesApiOptions,
  RecordedRequest,
} from './fake-responses-api.ts';
export { makeTestCa, TEST_CA_SERVER_NAMES } from './test-ca.ts';
export type { TestCa } from './test-ca.ts';
export { startSquid, squidConfig, SQUID_BINARY } from './squid.ts';
export type { Squid, SquidOptions } from './squid.ts';
export { startV2raySocks, v2rayConfig, V2RAY_BINARY } from './v2ray-socks.ts';
export type { V2raySocks, V2raySocksOptions } from './v2ray-socks.ts';
export { closedPort, freePort, portAccepts, waitForPort } from './ports.ts';
export {
  makeCodexHome,
  labConfigToml,
  apiKeyAuthJson,
  chatgptAuthJson,
  authJsonFor,
  writeAuthJson,
  LAB_CHATGPT,
  LAB_KEY_VAR,
  LAB_PROVIDER_ID,
  LAB_QUIET_TOML,
} from './codex-home.ts';
export type { CodexHomeOptions, LabLogin, LabProviderKind } from './codex-home.ts';
export { runCodex, codexLauncherPath, summarizeCodexOutput } from './run-codex.ts';
export type { CodexRun, RunCodexOptions } from './run-codex.ts';
export { LAB_HOST, isLoopbackAddress, labHosts } from './loopback.ts';
export { makeTempDir } from './temp-dirs.ts';
export { runningChildren, spawnTracked, stopTracked } from './processes.ts';
export { startNginx, nginxConfig, NGINX_BINARY } from './nginx.ts';
export type { Nginx, NginxOptions } from './nginx.ts';

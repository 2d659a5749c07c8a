// A throwaway CODEX_HOME with a custom provider `lab` pointing at the fake API.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir } from './temp-dirs.ts';

export interface CodexHomeOptions {
  /** The provider's base_url, e.g. the fake API's baseUrl. */
  baseUrl?: string;
  /** Default true: the lab is about the WebSocket. */
  supportsWebsockets?: boolean;
  /** The env var that holds the provider's key. Default LAB_KEY (what runCodex sets). */
  envKey?: string;
  /** Written verbatim to $CODEX_HOME/.env. */
  dotenv?: string;
  /** Written verbatim as config.toml instead of the generated one. */
  configToml?: string;
  websocketConnectTimeoutMs?: number;
}

export const LAB_PROVIDER_ID = 'lab';

/**
 * Tables that keep Codex 0.169 from calling github.com, chatgpt.com and ab.chatgpt.com
 * (plugin sync and analytics; seen in squid's log). Append them to a verbatim configToml too.
 */
export const LAB_QUIET_TOML = ['[analytics]', 'enabled = false', '', '[features]', 'plugins = false', ''].join('\n');
export const LAB_KEY_VAR = 'LAB_KEY';

function tomlString(value: string): string {
  return JSON.stringify(value); // a JSON string is a valid TOML basic string
}

export function labConfigToml(opts: CodexHomeOptions): string {
  const lines = [
    `model_provider = ${tomlString(LAB_PROVIDER_ID)}`,
    `model = "lab-model"`,
    '',
    `[model_providers.${LAB_PROVIDER_ID}]`,
    `name = "Lab"`,
    `base_url = ${tomlString(opts.baseUrl ?? 'http://127.0.0.1:9/v1')}`,
    `wire_api = "responses"`,
    `env_key = ${tomlString(opts.envKey ?? LAB_KEY_VAR)}`,
    `supports_websockets = ${opts.supportsWebsockets ?? true}`,
  ];
  if (opts.websocketConnectTimeoutMs !== undefined) {
    lines.push(`websocket_connect_timeout_ms = ${Math.trunc(opts.websocketConnectTimeoutMs)}`);
  }
  return `${lines.join('\n')}\n\n${LAB_QUIET_TOML}`;
}

/** Creates a temporary CODEX_HOME and returns its path. */
export function makeCodexHome(opts: CodexHomeOptions = {}): string {
  const dir = makeTempDir('lab-codex-home');
  writeFileSync(path.join(dir, 'config.toml'), opts.configToml ?? labConfigToml(opts));
  if (opts.dotenv !== undefined) writeFileSync(path.join(dir, '.env'), opts.dotenv);
  return dir;
}

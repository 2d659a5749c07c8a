// Tolerant YAML/JSON loading for app configs: a broken file becomes an error string, never a throw.
import stripJsonComments from 'strip-json-comments';
import { isScalar, parseDocument } from 'yaml';

export type Loaded = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };
export type LoadedYaml =
  | { ok: true; value: Record<string, unknown>; scalarText(key: string): string | undefined }
  | { ok: false; error: string };

export function loadYamlObject(text: string): LoadedYaml {
  try {
    // Subscription profiles can be large and use anchors heavily; lift the alias limit.
    const doc = parseDocument(text, { uniqueKeys: false, strict: false });
    if (doc.errors.length > 0) throw doc.errors[0];
    const value: unknown = doc.toJS({ maxAliasCount: -1 });
    /**
     * A top-level scalar as the Go apps read it into a string field: `secret: 0123` is "0123"
     * (not 123), surrounding spaces inside quotes are kept.
     */
    const scalarText = (key: string): string | undefined => {
      const node: unknown = doc.get(key, true);
      if (!isScalar(node)) return undefined;
      if (typeof node.value === 'string') return node.value;
      return typeof node.source === 'string' && node.value !== null ? node.source : undefined;
    };
    if (value === null || value === undefined) return { ok: true, value: {}, scalarText: () => undefined };
    if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'not a YAML mapping' };
    return { ok: true, value: value as Record<string, unknown>, scalarText };
  } catch (error) {
    return { ok: false, error: `YAML: ${firstLine(error)}` };
  }
}

export function loadJsonObject(text: string): Loaded {
  // A UTF-8 BOM is common in files written by .NET apps (v2rayN).
  const clean = text.replace(/^\uFEFF/, '');
  try {
    let value: unknown;
    try {
      value = JSON.parse(clean);
    } catch (strictError) {
      // v2ray and sing-box accept comments; try again without them (and without trailing commas) before giving up.
      try {
        value = JSON.parse(stripJsonComments(clean, { trailingCommas: true }));
      } catch {
        throw strictError;
      }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { ok: false, error: 'not a JSON object' };
    return { ok: true, value: value as Record<string, unknown> };
  } catch (error) {
    return { ok: false, error: `JSON: ${firstLine(error)}` };
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'parse error';
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A TCP port from a number or numeric string; 0 and out-of-range values are "not set". */
export function asPort(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 && n < 65536 ? n : undefined;
}

export function asString(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export function asBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

/** Case-insensitive property lookup: v2rayN switched from camelCase to PascalCase keys in 7.x. */
export function prop(obj: Record<string, unknown> | undefined, name: string): unknown {
  if (!obj) return undefined;
  if (name in obj) return obj[name];
  const lower = name.toLowerCase();
  const key = Object.keys(obj).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : obj[key];
}

// One TOML module: reading (read.ts, smol-toml plus the checks that make it refuse what Codex
// refuses), locating statements by byte offset (scan.ts) and minimal text edits verified by
// re-reading (edit.ts). Layers: scan ← read ← edit; nothing here imports the rest of the engine
// except english() for Error.message.
export { parseTomlDocument, locateKey, type TomlParseResult, type TomlParseError } from './read.ts';
export {
  scanToml,
  detectEol,
  TomlScanError,
  type KeySegment,
  type ValueKind,
  type HeaderStatement,
  type KeyValueStatement,
  type Statement,
  type ScannedDocument,
  type ScannedLine,
} from './scan.ts';
export {
  parseTomlText,
  TomlEditError,
  TomlSyntaxError,
  formatKeySegment,
  formatKeyPath,
  formatValue,
  hasTable,
  setKeyInTable,
  setTopLevelKey,
  removeTopLevelKey,
  appendTable,
  upsertTable,
  removeTable,
  renameTable,
  extractTableText,
  getAt,
  verifyEdit,
  type TomlScalar,
  type TomlWritable,
  type ExpectedChange,
} from './edit.ts';

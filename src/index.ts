// Almanac's public API. The CLI is a thin adapter over these.
export { parseNote, parseMarkdown, splitTarget } from './parse/index.js';
export type * from './parse/types.js';
export type { ObsidianLink, Callout, Highlight, Tag, ObsidianComment } from './parse/mdast.js';
export { loadVault, listVaultFiles, type Vault, type LoadOptions } from './vault/load.js';
export { resolveLinks, resolveLink, normaliseHeading, findHeading, type LinkGraph, type ResolvedLink, type LinkStatus } from './resolve/index.js';
export { check, type CheckOptions, type CheckResult, type CheckSummary, type Problem, type ProblemSeverity } from './check/index.js';
export { formatResult, formatPretty, formatJson, formatGithub, formatSarif, FORMATS, type Format } from './report/index.js';
export { loadConfig, parseConfig, CONFIG_FILE, type LoadedConfig, type ConfigOptions } from './config/load.js';
export { configSchema, defaultConfig, type Config, type ConfigInput } from './config/schema.js';
export { RULES, RULE_IDS, type RuleId, type Severity } from './config/rules.js';
export { openProject, type Project } from './project.js';
export { AlmanacError, ConfigError, UsageError } from './errors.js';
export { VERSION } from './version.js';
export { noteFreshness, tableFreshness, staleNoteMessage, staleTableMessage, lastCommitDates, changedSince, type NoteFreshness, type TableFreshness } from './stale/index.js';
export { formatStepSummary } from './report/step-summary.js';

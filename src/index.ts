// Almanac's public API. The CLI is a thin adapter over these.
export { parseNote, parseMarkdown, splitTarget } from './parse/index.js';
export type * from './parse/types.js';
export type { ObsidianLink, Callout, Highlight, Tag, ObsidianComment } from './parse/mdast.js';
export { loadVault, listVaultFiles, type Vault, type LoadOptions } from './vault/load.js';
export { resolveLinks, resolveLink, normaliseHeading, findHeading, type LinkGraph, type ResolvedLink, type LinkStatus } from './resolve/index.js';
export {
  check,
  runCheck,
  type RunCheckOptions,
  type CheckOptions,
  type CheckResult,
  type CheckSummary,
  type Problem,
  type ProblemSeverity,
} from './check/index.js';
export {
  formatResult,
  formatPretty,
  formatJson,
  formatGithub,
  formatSarif,
  formatDiagnostic,
  formatDiagnostics,
  formatDiagnosticsAs,
  FORMATS,
  type Format,
} from './report/index.js';
export { compareDiagnostics, type Diagnostic, type DiagnosticSeverity, type RawDiagnostic } from './diagnostic.js';
export { loadConfig, parseConfig, CONFIG_FILE, type LoadedConfig, type ConfigOptions } from './config/load.js';
export { configSchema, defaultConfig, type Config, type ConfigInput } from './config/schema.js';
export { RULES, RULE_IDS, type RuleId, type Severity } from './config/rules.js';
export { openProject, readProject, type Project, type ProjectFiles, type OpenOptions } from './project/index.js';
export { updateProject, type FileChange, type ProjectChange } from './project/update.js';
export { AlmanacError, ConfigError, UsageError } from './errors.js';
export { VERSION } from './version.js';
export {
  noteFreshness,
  tableFreshness,
  staleNoteMessage,
  staleTableMessage,
  lastCommitDates,
  changedSince,
  type NoteFreshness,
  type TableFreshness,
} from './stale/index.js';
export { formatStepSummary } from './report/step-summary.js';
export { build, BuildError, planSite, slugifyPath, slugifySegment, normaliseBase, formatWarning, formatWarnings } from './publish/index.js';
export type {
  BuildOptions,
  BuildResult,
  BuildSummary,
  BuildProgress,
  BuildPhase,
  BuildWarning,
  SitePlan,
  PlanInput,
  NotePage,
  ListingPage,
  RedirectPage,
  SitePages,
  Backlink,
  LinkItem,
  GraphData,
  LocalGraph,
} from './publish/index.js';
export { buildIfChanged } from './publish/build/build-if-changed.js';
export { serve, type ServeOptions, type ServeEvent, type ServeHandle } from './publish/serve/serve.js';
export { siteSchema, type SiteOptions } from './config/site.js';
export {
  refresh,
  refreshProject,
  refreshNoteText,
  feedRows,
  formatCell,
  escapeCell,
  decodePayload,
  formatProblem,
  DEFAULT_HTTP,
  FeedError,
  TableError,
  ConflictError,
} from './refresh/index.js';
export type {
  RefreshOptions,
  RefreshResult,
  RefreshProblem,
  FeedReport,
  NoteReport,
  FeedProgress,
  FeedTable,
  NoteRefresh,
  RegionOutcome,
  FeedRow,
  FeedRecord,
  HttpOptions,
  FeedVia,
} from './refresh/index.js';
export {
  feedsSchema,
  parseCellFormat,
  parseDuration,
  addDuration,
  PAYLOAD_FORMATS,
  type FeedConfig,
  type FeedColumn,
  type CellFormat,
  type Duration,
  type PayloadFormat,
} from './config/feeds.js';
export {
  entityFacts,
  entitySummary,
  projectFacts,
  factIndex,
  groupFacts,
  type EntityFact,
  type FactGroup,
  type FactIndex,
  type FactLink,
  type FactSummary,
} from './entities/index.js';

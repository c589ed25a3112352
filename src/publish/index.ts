// Publishing: the vault as a static site (build) and a live-reloading dev server (serve).
export { buildIfChanged } from './build-if-changed.js';
export { build, BuildError, type BuildOptions, type BuildResult, type BuildSummary, type BuildProgress, type BuildPhase } from './build.js';
export { planSite, type SitePlan, type PlanInput } from './plan.js';
export { slugifyPath, slugifySegment } from './slug.js';
export { normaliseBase } from './urls.js';
export { formatWarning, formatWarnings, brokenLinkWarnings, type BuildWarning } from './warnings.js';
export type { NotePage, ListingPage, RedirectPage, SitePages, Backlink, LinkItem } from './pages/types.js';
export type { GraphData } from './pages/site-files.js';

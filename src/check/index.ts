// check: every cross-reference problem in a vault, as data; runCheck: check of a project, cached.
import { excludePlacesOf } from '../config/load.js';
import type { Vault } from '../vault/load.js';
import { resolveLinks, type LinkGraph } from '../resolve/index.js';
import { defaultConfig, type Config } from '../config/schema.js';
import type { CheckResult, Problem } from './problem.js';
import { noteNameSuggester } from './broken-links.js';
import { isSuppressed, severityOf } from './policy.js';
import { compareDiagnostics } from '../diagnostic.js';
import { duplicateBlockProblems, frontmatterProblems, linkProblem, orphanProblem, type RawProblem } from './rules.js';
import { staleProblems } from './stale-rules.js';
import { excludeProblems } from './exclude-rules.js';
import { permalinkProblems } from './permalink-rules.js';
import { canvasProblems } from '../canvas/check.js';
import { baseProblems } from './base-rules.js';
import { chartProblems } from './chart-rules.js';
import { todayOf } from '../config/today.js';
import { changedSince, lastCommitDates, type NoteFreshness, type TableFreshness } from '../stale/index.js';
import { cacheDirOf, openProject, type Project, type ProjectFiles } from '../project/index.js';
import { readResult, resultKey, writeResult } from './result-cache.js';

export type { CheckResult, CheckSummary, Problem, ProblemSeverity } from './problem.js';
export { brokenLinkProblems, BROKEN_LINK_RULES } from './broken-links.js';

export interface CheckOptions {
  config?: Config | null | undefined;
  /** Links already resolved for this vault (one resolution per run). */
  graph?: LinkGraph | null | undefined;
  /** `YYYY-MM-DD` that date-based rules treat as today (default: the real date, UTC). */
  today?: string | null | undefined;
  /** Last commit date per vault path, the date of notes that carry none (see lastCommitDates). */
  gitDates?: ReadonlyMap<string, string> | null | undefined;
  /** Limit note-level date rules (stale-note, undated-note, stale-table) to these vault paths. */
  changed?: ReadonlySet<string> | null | undefined;
}

export function check(vault: Vault, options: CheckOptions = {}): CheckResult {
  const config = options.config ?? defaultConfig();
  const graph = options.graph ?? resolveLinks(vault);
  const names = noteNameSuggester(vault.notes);
  const raw: RawProblem[] = [];
  const today = todayOf(config, options.today);
  const stale: NoteFreshness[] = [];
  const staleTables: TableFreshness[] = [];
  for (const note of vault.notes) {
    const dated = staleProblems(note, config, { today, gitDates: options.gitDates, changed: options.changed });
    raw.push(...dated.problems);
    if (dated.note?.stale) stale.push(dated.note);
    staleTables.push(...dated.tables.filter((table) => table.stale));
    raw.push(...frontmatterProblems(note, config));
    for (const resolved of graph.outgoing.get(note.path) ?? []) {
      const problem = linkProblem(resolved, graph, names);
      if (problem) raw.push(problem);
    }
    raw.push(...duplicateBlockProblems(note));
    raw.push(...chartProblems(note));
    const orphan = orphanProblem(note, graph);
    if (orphan) raw.push(orphan);
  }
  // Files the vault scan could not take as they are (symlinks out of the vault, notes too large or not UTF-8).
  raw.push(...(vault.problems ?? []));
  // `site.exclude` entries that match nothing, placed in almanac.yaml.
  raw.push(...excludeProblems(vault, config));
  // `permalink:` values build cannot use, placed as build places them.
  raw.push(...permalinkProblems(vault, graph, config));
  // .canvas files: invalid JSON Canvas, and the links of their cards.
  raw.push(...canvasProblems(graph, names));
  // .base files that are not YAML or not of the shape Obsidian Bases reads.
  raw.push(...baseProblems(vault));
  const notes = new Map(vault.notes.map((note) => [note.path, note]));
  const problems: Problem[] = [];
  for (const problem of raw) {
    const severity = severityOf(problem.rule, config, problem.severity);
    if (severity === null) continue;
    if (isSuppressed(notes.get(problem.file), problem)) continue;
    problems.push({ ...problem, severity });
  }
  problems.sort(compareDiagnostics);
  const reported = new Set(problems.map((problem) => `${problem.rule}\0${problem.file}\0${problem.line}`));
  return {
    summary: {
      notes: vault.notes.length,
      links: graph.links.length,
      errors: problems.filter((problem) => problem.severity === 'error').length,
      warnings: problems.filter((problem) => problem.severity === 'warning').length,
      infos: problems.filter((problem) => problem.severity === 'info').length,
    },
    problems,
    stale: stale
      .filter((entry) => reported.has(`stale-note\0${entry.path}\0${entry.dateLine}`))
      .sort((a, b) => b.daysOverdue - a.daysOverdue || (a.path < b.path ? -1 : 1)),
    staleTables: staleTables
      .filter((entry) => reported.has(`stale-table\0${entry.path}\0${entry.line}`))
      .sort((a, b) => b.daysOverdue - a.daysOverdue || (a.path < b.path ? -1 : 1)),
  };
}

// runCheck: what `almanac check` runs. The whole result is cached by what it depends on
// (the vault's fingerprint, the config, today, --changed-since, git HEAD): a warm check of
// an unchanged vault parses nothing. On a miss the project is opened (facts only, no trees).

export interface RunCheckOptions {
  /** `YYYY-MM-DD` that date-based rules treat as today (default: the real date, UTC). */
  today?: string | undefined;
  /** Limit note-level date rules to notes changed since this git ref. */
  changedSince?: string | null | undefined;
  /** Use the cached result and the parsed-note cache in `.almanac/cache` (default true). */
  cache?: boolean | undefined;
}

/**
 * Check a project: `files` (readProject) is opened only when no cached result holds; an opened
 * Project is checked as it is.
 */
export async function runCheck(project: ProjectFiles | Project, options: RunCheckOptions = {}): Promise<CheckResult> {
  const today = todayOf(project.config, options.today);
  const useCache = options.cache !== false;
  const changed = options.changedSince ? changedSince(project.vaultDir, String(options.changedSince)) : null;
  if ('vault' in project) return checkOpened(project, today, changed);
  const cacheDir = cacheDirOf(project);
  // Where the site.exclude entries stand counts: their warnings name those lines.
  const config = [project.config, excludePlacesOf(project.config.site)];
  const key = resultKey({ fingerprint: project.scan.fingerprint, config, today, changed, vaultDir: project.vaultDir });
  const cached = useCache ? readResult(cacheDir, key) : null;
  if (cached) return cached;
  const opened = await openProject({ files: project, trees: false, cache: useCache });
  const result = checkOpened(opened, today, changed);
  if (useCache) writeResult(cacheDir, key, result);
  return result;
}

function checkOpened(project: Project, today: string, changed: ReadonlySet<string> | null): CheckResult {
  const gitDates = needsGitDates(project.vault) ? lastCommitDates(project.vaultDir) : null;
  return check(project.vault, { config: project.config, graph: project.graph, today, gitDates, changed });
}

/** Git is asked only when some note carries no date of its own. */
function needsGitDates(vault: Vault): boolean {
  return vault.notes.some((note) => (note.frontmatter.updated === undefined || note.frontmatter.updated === null) && note.updatedMarks.length === 0);
}

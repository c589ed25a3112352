// What a build takes and gives back (types only: the build, its thread and its CLI share them).
import type { ConfigOptions } from '../../config/load.js';
import type { Project, ProjectFiles } from '../../project/index.js';
import type { SitePlan } from '../pages/plan.js';
import type { BuildWarning } from '../model/warnings.js';

export type BuildPhase = 'load' | 'render' | 'write' | 'search';

export interface BuildProgress {
  phase: BuildPhase;
  done: number;
  /** 0 when unknown. */
  total: number;
}

export interface BuildOptions extends ConfigOptions {
  /** Output folder; default: `output` from the config (`site/`). */
  out?: string | null | undefined;
  /** URL prefix for sub-path hosting; default: `base` from the config (`/`). */
  base?: string | null | undefined;
  /** Build into a symlinked output folder (the folder it points to), or into one holding files
   * Almanac did not write (see output-dir.ts). Never into the vault, the project, the current
   * or the home folder. */
  force?: boolean | undefined;
  /** Fail (before writing anything) on any warning: a broken link in a published note, a note left out as private by doubt, an unmatched `site.exclude` entry. */
  strict?: boolean | undefined;
  /** Build the search index (default true). */
  search?: boolean | undefined;
  /** Pages say there is a search index, but it is left for the caller to build (serve). */
  deferSearch?: boolean | undefined;
  /** Use the parsed-note cache in `.almanac/cache` (default true). */
  cache?: boolean | undefined;
  /** A project already opened (serve keeps one in memory). Without one, the build opens it
   * and returns it with its notes' trees left out (copies: no note is changed in place). */
  project?: Project | undefined;
  /** The project's files, already read (see readProject): the config and vault are read once. */
  files?: ProjectFiles | undefined;
  /** Date used for the feed when no note has an `updated` date. */
  now?: Date | undefined;
  /** YYYY-MM-DD the staleness badges treat as today (default: the real date). */
  today?: string | undefined;
  onProgress?: ((progress: BuildProgress) => void) | undefined;
  /** buildIfChanged only: heap cap in MB for the worker thread the build runs in; null: build
   * in this thread. Default: from the vault's size, or ALMANAC_HEAP_MB (see heap-cap.ts). */
  heapLimitMb?: number | null | undefined;
}

export interface BuildSummary {
  outDir: string;
  base: string;
  /** HTML pages written (notes, listings, redirects, 404). */
  pages: number;
  /** Published notes. */
  notes: number;
  warnings: BuildWarning[];
  seconds: number;
  /** True when the output already matched the vault and nothing was written. */
  upToDate: boolean;
  /** Things the user should know that are not warnings about the vault (e.g. a heap cap outgrown). */
  notices?: string[];
}

export interface BuildResult extends Omit<BuildSummary, 'upToDate'> {
  plan: SitePlan;
  project: Project;
}

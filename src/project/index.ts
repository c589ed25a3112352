// The project, opened once per run: almanac.yaml read once, the vault scanned once, every
// note parsed once, links resolved. Every command is "open the project, run one stage":
// check, refresh, build and serve all start here.
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { loadConfig, type ConfigOptions, type LoadedConfig } from '../config/load.js';
import { loadVault, scanVault, type Vault, type VaultScan } from '../vault/load.js';
import type { NoteParser } from '../vault/parser.js';
import { resolveLinks, type LinkGraph } from '../resolve/index.js';
import { almanacDirOf } from '../cache-dir.js';
import { excludedFileGlobs, templateFolderGlobs } from '../vault/obsidian-settings.js';

/** The project's files before any note is parsed: the config (read once) and the vault's
 * files (read and hashed once). Enough to tell whether a cached result still holds. */
export interface ProjectFiles extends LoadedConfig {
  scan: VaultScan;
  /** Vault folder relative to the repository root (`notes/`), for CI annotations. */
  repoPrefix: string;
}

/** An opened project: its notes parsed and their links resolved. A value: an update makes a
 * new one (see update.ts); nothing changes it in place. */
export interface Project extends LoadedConfig {
  vault: Vault;
  graph: LinkGraph;
  /** Vault folder relative to the repository root (`notes/`), for CI annotations. */
  repoPrefix: string;
}

export interface OpenOptions extends ConfigOptions {
  /** The files already read by readProject (then the config and the vault are not read again). */
  files?: ProjectFiles | undefined;
  /** Use the parsed-note cache in `.almanac/cache` next to the config, or in the vault without one (default true). */
  cache?: boolean | undefined;
  /** Keep each note's mdast tree (publishing needs it; checking does not). Default true. */
  trees?: boolean | undefined;
  /** Worker threads for parsing: a count, or false for none. Default: one per core for large vaults. */
  workers?: number | false | undefined;
  /** Who parses the notes instead of the vault layer (see vault/parser.ts). */
  parser?: NoteParser | null | undefined;
}

/** Read almanac.yaml (once) and the vault's files (once; not at all when `scan` is given). */
export async function readProject(options: ConfigOptions & { scan?: VaultScan | undefined } = {}): Promise<ProjectFiles> {
  const loaded = withObsidianIgnores(loadConfig(options));
  const scan = options.scan ?? (await scanVault(loaded.vaultDir, { ignore: loaded.config.ignore, limits: loaded.config.limits }));
  return { ...loaded, scan, repoPrefix: repoPrefix(loaded.vaultDir) };
}

/** The config's `ignore` with what the vault's Obsidian settings leave out: its "Excluded
 * files" and, unless `templates: include`, its template folder (see vault/obsidian-settings.ts). */
function withObsidianIgnores(loaded: LoadedConfig): LoadedConfig {
  const extra = [...excludedFileGlobs(loaded.vaultDir), ...(loaded.config.templates === 'ignore' ? templateFolderGlobs(loaded.vaultDir) : [])];
  const ignore = [...loaded.config.ignore, ...extra.filter((glob) => !loaded.config.ignore.includes(glob))];
  return ignore.length === loaded.config.ignore.length ? loaded : { ...loaded, config: { ...loaded.config, ignore } };
}

/** Open the project: read it (unless `files` are given), parse every note, resolve links. */
export async function openProject(options: OpenOptions = {}): Promise<Project> {
  const { scan, ...loaded } = options.files ?? (await readProject(options));
  const cacheDir = options.cache === false ? null : cacheDirOf(loaded);
  const vault = await loadVault(loaded.vaultDir, {
    ignore: loaded.config.ignore,
    limits: loaded.config.limits,
    parser: options.parser,
    trees: options.trees,
    workers: options.workers,
    cacheDir,
    scan,
  });
  return { ...loaded, vault, graph: resolveLinks(vault) };
}

/** Path of `dir` from the enclosing git work tree (or the cwd), with a trailing slash. */
export function repoPrefix(dir: string): string {
  let root = dir;
  while (!existsSync(join(root, '.git'))) {
    const parent = dirname(root);
    if (parent === root) {
      root = process.cwd();
      break;
    }
    root = parent;
  }
  const rel = relative(root, dir).split(sep).join('/');
  return rel === '' ? '' : `${rel}/`;
}

/** `.almanac/cache` next to the config, or inside the vault with `--vault` and no config. */
export function cacheDirOf(loaded: Pick<LoadedConfig, 'path' | 'dir' | 'vaultDir'>): string {
  return join(almanacDirOf(loaded), 'cache');
}

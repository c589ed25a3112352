// A project run: config + vault loaded once, shared by check, refresh and build.
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { loadConfig, type ConfigOptions, type LoadedConfig } from './config/load.js';
import { loadVault, type LoadOptions, type Vault } from './vault/load.js';
import { resolveLinks, type LinkGraph } from './resolve/index.js';
import { almanacDirOf } from './cache-dir.js';

export interface Project extends LoadedConfig {
  vault: Vault;
  graph: LinkGraph;
  /** Vault folder relative to the repository root (`notes/`), for CI annotations. */
  repoPrefix: string;
}

export interface OpenOptions extends ConfigOptions, Pick<LoadOptions, 'parse' | 'parseAll' | 'trees' | 'workers' | 'scan'> {
  /** Use the parsed-note cache in `.almanac/cache` next to the config, or in the vault without one (default true). */
  cache?: boolean | undefined;
}

export async function openProject(options: OpenOptions = {}): Promise<Project> {
  const loaded = loadConfig(options);
  const cacheDir = options.cache === false ? null : cacheDirOf(loaded);
  const vault = await loadVault(loaded.vaultDir, { ignore: loaded.config.ignore, limits: loaded.config.limits, parse: options.parse, parseAll: options.parseAll, trees: options.trees, workers: options.workers, cacheDir, scan: options.scan });
  return { ...loaded, vault, graph: resolveLinks(vault), repoPrefix: repoPrefix(loaded.vaultDir) };
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
export function cacheDirOf(loaded: LoadedConfig): string {
  return join(almanacDirOf(loaded), 'cache');
}

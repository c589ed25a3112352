// The output folder: checked so a build never wipes the vault or the project, cleared
// before a full build, then given the files Eleventy does not write.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, parse, relative, resolve, isAbsolute } from 'node:path';
import { createRequire } from 'node:module';
import { ConfigError } from '../errors.js';
import type { SiteModel } from './site-model.js';
import type { GraphData } from './pages/site-files.js';
import { SEARCH_DIR } from './search/index-builder.js';

/** Refuse output folders a clean would be disastrous for: the vault (or a parent of it), the project folder, home, `/`. */
export function checkOutDir(outDir: string, vaultDir: string, projectDir: string): void {
  const out = resolve(outDir);
  const inside = (child: string, parent: string): boolean => {
    const rel = relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  if (inside(resolve(vaultDir), out)) throw new ConfigError(`Output folder ${out} contains the vault; choose another --out`);
  if (inside(out, resolve(vaultDir))) throw new ConfigError(`Output folder ${out} is inside the vault; choose another --out`);
  if (out === resolve(projectDir) || out === parse(out).root || out === homedir()) throw new ConfigError(`Refusing to clear ${out}; choose a dedicated --out folder`);
}

/** Empty the folder, keeping top-level dotfiles (`.gitkeep`, `.git` of a gh-pages checkout)
 * other than the search index's staging folders a killed build may have left. */
export function clearOutDir(outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  for (const name of readdirSync(outDir)) {
    if (name.startsWith('.') && !name.startsWith(`.${SEARCH_DIR}-`)) continue;
    rmSync(join(outDir, name), { recursive: true, force: true });
  }
}

/** Client modules from npm packages, copied into `{out}/assets/js/vendor/` as they ship. */
const VENDOR: Record<string, string> = {
  // The Porter stemmer the search index uses (search/words.ts): queries must be stemmed alike.
  'stemmer.js': createRequire(import.meta.url).resolve('stemmer'),
};

/** Copy templates/assets/ (styles, client scripts; not their .d.ts files) and the vendored modules to `{out}/assets/`. */
export function copyAssets(templatesDir: string, outDir: string): void {
  const assets = join(templatesDir, 'assets');
  if (existsSync(assets)) cpSync(assets, join(outDir, 'assets'), { recursive: true, filter: (source) => !source.endsWith('.d.ts') });
  const vendor = join(outDir, 'assets', 'js', 'vendor');
  mkdirSync(vendor, { recursive: true });
  for (const [name, source] of Object.entries(VENDOR)) cpSync(source, join(vendor, name));
}

/** Copy the attachments published notes use. Returns how many were copied. */
export function copyAttachments(site: SiteModel, outDir: string): number {
  let copied = 0;
  for (const attachment of site.attachments.values()) {
    const source = join(site.vaultRoot, attachment.path);
    if (!existsSync(source)) continue;
    const target = join(outDir, attachment.output);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(source, target);
    copied++;
  }
  return copied;
}

export function writeGraphJson(outDir: string, graph: GraphData): void {
  writeFileSync(join(outDir, 'graph.json'), `${JSON.stringify(graph)}\n`);
}

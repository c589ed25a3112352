// The output folder: checked so a build never wipes the vault or the project, built in a
// staging folder beside it and swapped in at the end (a failed build leaves the previous
// site as it was). The files Eleventy does not write are copied by copy-assets.ts.
//
// What a build may replace. Paths are compared as real paths (symlinks resolved), so
// `output: sitelink` with `sitelink → ..` is the parent folder, not a new folder called
// sitelink. An output is refused when it is `/`, or is or contains the vault, the config
// file's folder, the current folder or the home folder, or lies inside the vault. A
// symlinked output folder, and a folder holding files Almanac did not write, are refused
// unless forced: like Vite, which will not empty an output folder outside its project
// unless told to (`build.emptyOutDir`), Almanac only replaces a folder that is empty (but
// for dotfiles) or carries the marker file it writes into every output.
import { existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError } from '../../errors.js';
import { VERSION } from '../../version.js';
import { SEARCH_DIR } from '../search/index-builder.js';

/** Written into every output: a later build may replace a folder that has it. */
export const OUTPUT_MARKER = '.almanac-output';

export interface OutputGuard {
  vaultDir: string;
  /** The config file's folder (the current folder without one). */
  projectDir: string;
  /** Default: process.cwd(). */
  cwd?: string | undefined;
  /** Allow a symlinked output folder and one holding files Almanac did not write. */
  force?: boolean | undefined;
}

/** `child` is `parent` or lies inside it. */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest. */
export function realPathOf(path: string): string {
  const absolute = resolve(path);
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return join(realpathSync(current), ...rest.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return absolute;
      rest.push(basename(current));
      current = parent;
    }
  }
}

/**
 * Refuse an output folder a build must not replace (see the top of this file). Returns the
 * folder to build into: its real path.
 */
export function checkOutDir(outDir: string, guard: OutputGuard): string {
  const given = resolve(outDir);
  const link = lstatOrNull(given);
  if (link?.isSymbolicLink()) {
    if (!existsSync(given)) throw new ConfigError(`Output folder ${given} is a symlink to nothing; remove it or choose another --out`);
    if (!guard.force)
      throw new ConfigError(
        `Output folder ${given} is a symlink (to ${realpathSync(given)}); a build replaces the folder it points to. Choose another --out, or pass --force to build into ${realpathSync(given)}`,
      );
  }
  const out = realPathOf(given);
  const stat = lstatOrNull(out);
  if (stat && !stat.isDirectory()) throw new ConfigError(`Output ${given} is a file, not a folder; choose another --out`);
  if (out === parse(out).root) throw new ConfigError(`Refusing to build into ${out}; choose a dedicated --out folder`);
  const protectedDirs: Array<[string, string]> = [
    ['the vault', guard.vaultDir],
    ['the config file’s folder', guard.projectDir],
    ['the current folder', guard.cwd ?? process.cwd()],
    ['the home folder', homedir()],
  ];
  for (const [what, dir] of protectedDirs) {
    const real = realPathOf(dir);
    if (isInside(real, out))
      throw new ConfigError(
        `Output folder ${given}${out === given ? '' : ` (really ${out})`} ${real === out ? 'is' : 'contains'} ${what} (${real}); a build would delete it. Choose another --out`,
      );
  }
  const vault = realPathOf(guard.vaultDir);
  if (isInside(out, vault)) throw new ConfigError(`Output folder ${given} is inside the vault (${vault}); choose another --out`);
  if (stat && !guard.force) {
    const foreign = foreignEntries(out);
    if (foreign.length > 0) {
      const shown = foreign
        .slice(0, 3)
        .map((name) => JSON.stringify(name))
        .join(', ');
      throw new ConfigError(
        `Output folder ${given} holds files Almanac did not write (${shown}${foreign.length > 3 ? ', …' : ''}) and no ${OUTPUT_MARKER} marker from an earlier build; a build replaces the folder. Empty it, choose another --out, or pass --force`,
      );
    }
  }
  return out;
}

function lstatOrNull(path: string): ReturnType<typeof lstatSync> | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** Entries a build would delete from a folder that is not known to be an Almanac output. */
function foreignEntries(dir: string): string[] {
  const names = readdirSync(dir);
  if (names.includes(OUTPUT_MARKER)) return [];
  // An output of an Almanac from before the marker: its script and graph are there.
  if (existsSync(join(dir, 'assets', 'almanac.js')) && existsSync(join(dir, 'graph.json'))) return [];
  // Dotfiles are kept (or, for the search index's staging folders, Almanac's own).
  return names.filter((name) => !name.startsWith('.'));
}

/** Top-level dotfiles a build keeps (`.gitkeep`, the `.git` of a gh-pages checkout). */
function keptDotfile(name: string): boolean {
  return name.startsWith('.') && name !== OUTPUT_MARKER && !name.startsWith(`.${SEARCH_DIR}-`);
}

const STAGING = 'almanac-staging';
const OLD = 'almanac-old';

function siblingName(out: string, kind: string): string {
  return join(dirname(out), `.${basename(out)}.${kind}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * A new empty folder beside `out` (same parent, hidden name) to build the site in. Folders a
 * killed build left beside `out` are cleaned up first (an old output moved aside is put back
 * when `out` is missing).
 */
export function startStaging(out: string): string {
  recoverLeftovers(out);
  const staging = siblingName(out, STAGING);
  mkdirSync(dirname(out), { recursive: true });
  mkdirSync(staging);
  writeFileSync(join(staging, OUTPUT_MARKER), `Written by Almanac ${VERSION}. A build replaces this folder; without this file it refuses to.\n`);
  return staging;
}

/** Remove a staging folder whose build failed: the output is left as it was. */
export function discardStaging(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Put the built `staging` folder in place of `out`: the old output is renamed aside, the new
 * one renamed in, the old one's kept dotfiles moved over, and the rest of it removed.
 */
export function swapIn(staging: string, out: string): void {
  if (!existsSync(out)) {
    renameSync(staging, out);
    return;
  }
  const old = siblingName(out, OLD);
  renameSync(out, old);
  try {
    renameSync(staging, out);
  } catch (error) {
    renameSync(old, out);
    throw error;
  }
  carryDotfiles(old, out);
  rmSync(old, { recursive: true, force: true });
}

function carryDotfiles(from: string, to: string): void {
  for (const name of readdirSync(from)) {
    if (keptDotfile(name) && !existsSync(join(to, name))) renameSync(join(from, name), join(to, name));
  }
}

/** Staging and old-output folders beside `out` whose build process is gone. */
function recoverLeftovers(out: string): void {
  const parent = dirname(out);
  const prefix = `.${basename(out)}.`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(almanac-staging|almanac-old)-(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length));
    if (!match || processAlive(Number(match[2]))) continue;
    const path = join(parent, name);
    if (match[1] === OLD) {
      if (!existsSync(out)) {
        renameSync(path, out);
        continue;
      }
      carryDotfiles(path, out);
    }
    rmSync(path, { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

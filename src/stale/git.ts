// Git facts for staleness: last commit date per file, files changed since a ref.
// One `git log` for the whole vault, never one process per note.
import { relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { git, gitTopLevel as topLevel } from '../util/git.js';

/** Vault-relative path → date (YYYY-MM-DD) of the last commit touching it; empty outside git. */
export function lastCommitDates(vaultDir: string): Map<string, string> {
  const dates = new Map<string, string>();
  const top = topLevel(vaultDir);
  if (!top) return dates;
  const out = git(vaultDir, ['log', '--format=%x00%cs', '--name-only', '--no-renames', '--', '.']);
  if (!out) return dates;
  const prefix = relative(top, resolve(vaultDir)).split(sep).join('/');
  let current = '';
  for (const line of out.split('\n')) {
    if (line.startsWith('\0')) {
      current = line.slice(1);
      continue;
    }
    if (line === '' || current === '') continue;
    const path = prefix === '' ? line : line.startsWith(`${prefix}/`) ? line.slice(prefix.length + 1) : null;
    if (path !== null && !dates.has(path)) dates.set(path, current);
  }
  return dates;
}

/** Vault-relative paths changed since `ref` (its merge base with HEAD), committed or not. */
export function changedSince(vaultDir: string, ref: string): Set<string> {
  const top = topLevel(vaultDir);
  if (!top) throw new UsageError(`--changed-since needs a git repository; ${vaultDir} is not in one`);
  const base = git(vaultDir, ['merge-base', ref, 'HEAD'])?.trim();
  if (!base) throw new UsageError(`--changed-since: cannot find “${ref}” (in CI, check out with fetch-depth: 0)`);
  const changed = `${git(top, ['diff', '--name-only', '--no-renames', base]) ?? ''}\n${git(top, ['ls-files', '--others', '--exclude-standard']) ?? ''}`;
  const prefix = relative(top, resolve(vaultDir)).split(sep).join('/');
  const paths = new Set<string>();
  for (const line of changed.split('\n')) {
    if (line === '') continue;
    if (prefix === '') paths.add(line);
    else if (line.startsWith(`${prefix}/`)) paths.add(line.slice(prefix.length + 1));
  }
  return paths;
}

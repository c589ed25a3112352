// Running git: every caller asks the same way, and a folder outside git (or no git at all) is not an error.
import { execFileSync } from 'node:child_process';

/** git's standard output, or null when git fails or is missing. */
export function git(cwd: string, args: readonly string[]): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return null;
  }
}

/** The work tree's top folder, or null outside git. */
export function gitTopLevel(dir: string): string | null {
  const out = git(dir, ['rev-parse', '--show-toplevel']);
  return out ? out.trim() : null;
}

/** The commit checked out (part of cache keys, as git dates feed staleness), or '' outside git. */
export function gitHead(dir: string): string {
  return git(dir, ['rev-parse', 'HEAD'])?.trim() ?? '';
}

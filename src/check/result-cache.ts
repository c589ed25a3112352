// Whole check results cached by everything they depend on: the vault's content
// fingerprint, the config, today, the --changed-since set and the git HEAD (last
// commit dates). A warm `check` of an unchanged vault skips parsing entirely.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCacheDir } from '../cache-dir.js';
import { hashSource } from '../vault/cache.js';
import { VERSION } from '../version.js';
import { writeFileAtomicSync } from '../util/atomic-file.js';
import { gitHead } from '../util/git.js';
import type { CheckResult } from './problem.js';

export interface ResultKeyParts {
  fingerprint: string;
  config: unknown;
  today: string;
  changed: ReadonlySet<string> | null;
  vaultDir: string;
}

export function resultKey(parts: ResultKeyParts): string {
  const changed = parts.changed ? [...parts.changed].sort().join('\n') : '*';
  return hashSource([VERSION, parts.fingerprint, JSON.stringify(parts.config), parts.today, changed, gitHead(parts.vaultDir)].join('\0')).slice(0, 24);
}

export function readResult(cacheDir: string, key: string): CheckResult | null {
  try {
    return JSON.parse(readFileSync(join(cacheDir, `check-${key}.json`), 'utf8')) as CheckResult;
  } catch {
    return null;
  }
}

/** Best effort: a folder that cannot be written (a read-only vault) only costs the next run time. */
export function writeResult(cacheDir: string, key: string, result: CheckResult): void {
  if (!makeCacheDir(cacheDir)) return;
  writeFileAtomicSync(join(cacheDir, `check-${key}.json`), JSON.stringify(result));
}

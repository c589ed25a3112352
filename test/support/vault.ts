// Test helpers: write a throwaway vault, run the real CLI.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { loadVault } from '../../src/vault/load.js';
import { check } from '../../src/check/index.js';
import { parseConfig } from '../../src/config/load.js';
import type { CheckResult } from '../../src/check/problem.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const made: string[] = [];

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test file's tests. */
export function tempDir(prefix = 'almanac-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Write `files` (vault-relative path → content) into a fresh temp folder. */
export function writeVault(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [path, content] of Object.entries(files)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

/** Check a vault given as files; `config` is almanac.yaml text (orphan-note off unless it says otherwise). */
export async function checkFiles(files: Record<string, string | Buffer>, config = 'rules: {orphan-note: off}'): Promise<CheckResult> {
  const dir = writeVault(files);
  return check(await loadVault(dir), { config: parseConfig(config) });
}

/** Problems as a user reads them: `file:line:col severity message [rule]`. */
export function lines(result: CheckResult): string[] {
  return result.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.message} [${p.rule}]`);
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/almanac.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

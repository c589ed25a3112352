// A cold check takes the quick road (the main thread and a parse worker share the notes, the
// worker packs them for the parse cache), a check after an edit reads the other notes from
// that cache: both must give exactly the check of a full parse (trees kept, in this thread, no cache),
// on generated vaults with planted defects (both profiles) and on the sample vault.
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck, type CheckResult } from '../src/check/index.js';
import { openProject, readProject } from '../src/project/index.js';
import { setThreadMode } from '../src/threads/mode.js';
import { startedThreads } from '../src/threads/thread.js';
import { generateVault, type Expected } from './support/genvault.js';

const TODAY = '2026-06-01';
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempProject(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

async function checkWith(cwd: string, mode: 'in-thread' | 'threads', cache: boolean): Promise<CheckResult> {
  const previous = setThreadMode(mode);
  try {
    return await runCheck(await readProject({ cwd }), { today: TODAY, cache });
  } finally {
    setThreadMode(previous);
  }
}

/** The full parse: every note parsed in this thread with its tree kept (as build opens the project), no cache. */
async function fullCheck(cwd: string): Promise<CheckResult> {
  const previous = setThreadMode('in-thread');
  try {
    const project = await openProject({ files: await readProject({ cwd }), trees: true, cache: false });
    return await runCheck(project, { today: TODAY });
  } finally {
    setThreadMode(previous);
  }
}

/** Drop the cached check results, keep the parsed-note cache: the next check parses only what changed. */
function dropResults(cwd: string): string[] {
  const cache = join(cwd, '.almanac', 'cache');
  const files = readdirSync(cache);
  for (const file of files) if (file.startsWith('check-')) rmSync(join(cache, file));
  return files.filter((file) => file.startsWith('parsed-'));
}

const parseThreads = (): number => startedThreads().get('parse.worker.js') ?? 0;

async function expectSameChecks(cwd: string, edited: string): Promise<CheckResult> {
  const reference = await fullCheck(cwd);
  expect(await checkWith(cwd, 'in-thread', false)).toStrictEqual(reference);
  const before = parseThreads();
  const cold = await checkWith(cwd, 'threads', true);
  expect(parseThreads()).toBeGreaterThan(before);
  expect(cold).toStrictEqual(reference);
  // From the parsed-note cache, every note (nothing changed).
  expect(dropResults(cwd)).toHaveLength(1);
  expect(await checkWith(cwd, 'threads', true)).toStrictEqual(reference);
  // One note edited: it is parsed again, the others come from the cache.
  appendFileSync(join(cwd, edited), '\nSee [[No such note anywhere]].\n');
  const afterEdit = await fullCheck(cwd);
  dropResults(cwd);
  expect(await checkWith(cwd, 'threads', true)).toStrictEqual(afterEdit);
  expect(afterEdit.problems.length).toBe(reference.problems.length + 1);
  return reference;
}

describe('cold check, and check from the parsed-note cache, against an in-thread check without cache', () => {
  for (const profile of ['default', 'real'] as const) {
    it(`gives the same result on a ${profile}-profile generated vault with planted defects`, async () => {
      const dir = tempProject(`almanac-check-paths-${profile}-`);
      const vault = join(dir, 'vault');
      const expected: Expected = generateVault({ out: vault, notes: 400, seed: 11, profile });
      writeFileSync(join(dir, 'almanac.yaml'), 'vault: vault\n');
      const planted = expected.unresolved.filter((ref) => ref.kind === 'note');
      const first = planted[0];
      if (!first) throw new Error('the generator planted no broken link');
      const result = await expectSameChecks(dir, join('vault', first.file));
      // The planted broken links are found (the comparison is about a check that finds things).
      const found = new Set(result.problems.map((problem) => `${problem.file}:${problem.line}`));
      expect(planted.filter((ref) => !found.has(`${ref.file}:${ref.line}`))).toEqual([]);
      expect(result.summary.notes).toBeGreaterThanOrEqual(400);
    }, 120_000);
  }

  it('gives the same result on the sample vault', async () => {
    const dir = tempProject('almanac-check-paths-sample-');
    cpSync(join(process.cwd(), 'notes'), join(dir, 'notes'), { recursive: true });
    cpSync(join(process.cwd(), 'almanac.yaml'), join(dir, 'almanac.yaml'));
    // Enough notes for the parse pool (WORKER_THRESHOLD): copies of the sample notes in a folder of their own.
    for (let copy = 0; copy < 4; copy++) cpSync(join(process.cwd(), 'notes'), join(dir, 'notes', `Copies ${copy}`), { recursive: true });
    const result = await expectSameChecks(dir, join('notes', 'Copies 0', 'index.md'));
    expect(result.problems.length).toBeGreaterThan(0);
  }, 120_000);
});

// The worker pool through real threads (src/threads/): tests run the TypeScript sources, where
// work is done in-thread by default (threads/mode.ts), so here setThreadMode('threads') sends
// it to the compiled worker modules in dist/ (the global setup compiles them). Parsing, the
// note workers, the search index and the site writer give what the in-thread path gives.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNote } from '../src/parse/index.js';
import { build, type BuildResult } from '../src/publish/index.js';
import { startFileWriter } from '../src/publish/emit/file-writer.js';
import { setThreadMode, workerModule, type ThreadMode } from '../src/threads/mode.js';
import { startedThreads } from '../src/threads/thread.js';
import { parseInWorkers } from '../src/vault/parse-pool.js';
import { deserialize } from 'node:v8';
import { gunzipSync } from 'node:zlib';
import { WORKER_THRESHOLD } from '../src/vault/load.js';
import { generateVault } from './support/genvault.js';
import { digestDifferences, siteDigest } from './support/output-digest.js';

const TODAY = '2026-06-01';

async function withMode<T>(mode: ThreadMode, work: () => Promise<T>): Promise<T> {
  const previous = setThreadMode(mode);
  try {
    return await work();
  } finally {
    setThreadMode(previous);
  }
}

function started(file: string): number {
  return startedThreads().get(file) ?? 0;
}

describe('worker threads against in-thread work', () => {
  const root = mkdtempSync(join(tmpdir(), 'almanac-threads-'));
  const vault = join(root, 'vault');
  let inThread: BuildResult;
  let threaded: BuildResult;
  const before = { note: 0, write: 0, search: 0 };

  beforeAll(async () => {
    // Just large enough for the build to use note workers.
    generateVault({ out: vault, notes: WORKER_THRESHOLD, seed: 5 });
    const options = { vault, today: TODAY, now: new Date(`${TODAY}T12:00:00Z`) };
    inThread = await withMode('in-thread', () => build({ ...options, out: join(root, 'in-thread') }));
    before.note = started('note.worker.js');
    before.write = started('write.worker.js');
    before.search = started('search.worker.js');
    threaded = await withMode('threads', () => build({ ...options, out: join(root, 'threads') }));
  }, 120_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('uses dist/ worker modules when threads are asked for, and none by default from the sources', () => {
    expect(workerModule('note')).toBeNull();
    const url = withModeSync('threads', () => workerModule('note'));
    expect(url?.pathname).toMatch(/\/dist\/threads\/note\.worker\.js$/);
    expect(withModeSync('in-thread', () => workerModule('note'))).toBeNull();
  });

  it('builds through the note, writer and search threads the same site, byte for byte', () => {
    expect(started('note.worker.js')).toBeGreaterThan(before.note);
    expect(started('write.worker.js')).toBeGreaterThan(before.write);
    expect(started('search.worker.js')).toBeGreaterThan(before.search);
    expect(threaded.notes).toBe(inThread.notes);
    expect(threaded.warnings).toEqual(inThread.warnings);
    const expected = siteDigest(inThread.outDir);
    expect(Object.keys(expected).length).toBeGreaterThan(WORKER_THRESHOLD);
    expect(digestDifferences(expected, siteDigest(threaded.outDir))).toEqual([]);
  });

  it('parses in the parse pool what parseNote parses in this thread, with and without trees', async () => {
    const items = [
      { path: 'a.md', source: '---\ntags: [x]\n---\n# A\n\nSee [[b#Part]] and ![[c]].\n' },
      { path: 'b.md', source: '# B\n\n## Part\n\n| a | b |\n|---|---|\n| 1 | 2 |\n' },
      { path: 'c.md', source: '---\nbad: [\n---\nBody %% comment %%\n' },
    ];
    const before = started('parse.worker.js');
    const [withTrees, withoutTrees] = await withMode('threads', async () => [
      await parseInWorkers(items, true, 2),
      await parseInWorkers(items, false, 2, true),
    ]);
    expect(started('parse.worker.js')).toBeGreaterThan(before);
    for (const { path, source } of items) {
      const here = JSON.parse(JSON.stringify(parseNote(path, source))) as Record<string, unknown>;
      expect(withTrees.get(path)?.note).toEqual(here);
      expect(withTrees.get(path)?.packed).toBeNull();
      const { tree: _tree, ...facts } = here;
      const stripped = withoutTrees.get(path);
      expect(stripped?.note).toMatchObject(facts);
      expect(stripped?.note.tree.children ?? []).toEqual([]);
      // Packed in the thread for the parse cache: the same note as the one sent back.
      const packed = stripped?.packed;
      expect(packed).toBeTruthy();
      if (packed) expect(deserialize(packed.packed ? gunzipSync(packed.bytes) : packed.bytes)).toEqual(stripped?.note);
    }
  });

  it('reports the writer thread’s first failure at finish, with what was being done', async () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const writer = withModeSync('threads', () => startFileWriter());
    writer.write({ path: join(root, 'written', 'one.html'), content: 'one' });
    writer.write({ path: join(blocker, 'two.html'), content: 'two' });
    // A folder where a file goes: a second failure, after the first.
    writer.write({ path: root, content: 'three' });
    await expect(writer.finish()).rejects.toThrow(/^Writing the site: E[A-Z]+: [^\n]*a-file'$/);
  });
});

function withModeSync<T>(mode: ThreadMode, work: () => T): T {
  const previous = setThreadMode(mode);
  try {
    return work();
  } finally {
    setThreadMode(previous);
  }
}

// The helpers written once in src/util/ (issue 14): dates, git, atomic files, bounded concurrency.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refresh } from '../src/refresh/index.js';
import { writeFileAtomicSync, replaceFile } from '../src/util/atomic-file.js';
import { mapLimit } from '../src/util/concurrency.js';
import { isIsoDate, todayUtc } from '../src/util/dates.js';
import { gitHead, gitTopLevel } from '../src/util/git.js';
import { cleanProjects, fixture, makeProject, read } from './fixtures/refresh/support.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'almanac-util-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  cleanProjects();
});

describe('dates', () => {
  it('a real calendar day only', () => {
    expect(['2026-01-20', '2024-02-29'].filter(isIsoDate)).toEqual(['2026-01-20', '2024-02-29']);
    expect(['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-20', '20260120', ' 2026-01-20', '2026-01-20T00:00'].filter(isIsoDate)).toEqual([]);
  });

  it('today is a real day, in UTC', () => {
    const today = todayUtc();
    expect(isIsoDate(today)).toBe(true);
    expect(today).toBe(new Date().toISOString().slice(0, 10));
  });

  it('refresh refuses a today that is no calendar day, as the CLI does, and leaves the note alone', async () => {
    const dir = makeProject({
      'almanac.yaml': fixture('flows-config.yaml').replace('SOURCE', 'data/flows.csv'),
      'data/flows.csv': fixture('flows.csv'),
      'notes/Good.md': fixture('flows-note.md'),
    });
    const before = read(dir, 'notes/Good.md');
    await expect(refresh({ cwd: dir, today: '2026-02-30' })).rejects.toThrow('today must be a date like 2026-01-20 (got “2026-02-30”)');
    expect(read(dir, 'notes/Good.md')).toBe(before);
  });
});

describe('mapLimit', () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const items = Array.from({ length: 40 }, (_, index) => index);
    const results = await mapLimit(items, 3, async (item, index) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, (item * 7) % 5));
      running--;
      return `${item}:${index}`;
    });
    expect(results).toEqual(items.map((item) => `${item}:${item}`));
    expect(peak).toBe(3);
  });

  it('a limit below one still runs, one at a time', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapLimit([1, 2, 3], 0, async (item) => {
      peak = Math.max(peak, ++running);
      await Promise.resolve();
      running--;
      return item * 2;
    });
    expect(results).toEqual([2, 4, 6]);
    expect(peak).toBe(1);
  });
});

describe('atomic files', () => {
  it('replaces a file whole and leaves no temp file beside it', async () => {
    const dir = tempDir();
    const file = join(dir, 'manifest.json');
    writeFileSync(file, 'old');
    expect(writeFileAtomicSync(file, '{"a":1}')).toBe(true);
    await replaceFile(join(dir, 'feed.json'), 'payload');
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}');
    expect(readFileSync(join(dir, 'feed.json'), 'utf8')).toBe('payload');
    expect(readdirSync(dir).sort()).toEqual(['feed.json', 'manifest.json']);
  });

  it('best effort: a file that cannot be written is false, not an error, and leaves nothing behind', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'not-a-folder'), 'old');
    const inside = join(dir, 'not-a-folder', 'cache.json');
    expect(writeFileAtomicSync(inside, 'new')).toBe(false);
    await expect(replaceFile(inside, 'new')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['not-a-folder']);
    expect(readFileSync(join(dir, 'not-a-folder'), 'utf8')).toBe('old');
  });
});

describe('git', () => {
  it('outside a repository: no head, no top level', () => {
    const dir = tempDir();
    expect(gitTopLevel(dir)).toBeNull();
    expect(gitHead(dir)).toBe('');
  });

  it('inside this repository: a commit id and the top folder', () => {
    expect(gitHead(process.cwd())).toMatch(/^[0-9a-f]{40}$/);
    expect(gitTopLevel(join(process.cwd(), 'src'))).toBe(gitTopLevel(process.cwd()));
  });
});

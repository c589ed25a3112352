// A capped build caps its note workers (publish/build/heap-cap.ts noteWorkerHeapMb); a worker
// that outgrows its cap must fail as "out of memory", which the build thread turns into a
// build run again without caps (build-if-changed.ts), never into a failed build.
import { describe, expect, it } from 'vitest';
import { noteWorkerHeapMb } from '../src/publish/build/heap-cap.js';
import { NoteWorkers } from '../src/publish/build/note-workers.js';
import { setThreadMode } from '../src/threads/mode.js';
import { isOutOfMemory } from '../src/threads/thread.js';

describe('note worker heap cap', () => {
  it('grows with the Markdown: 64 MB plus 8 MB per MB', () => {
    expect(noteWorkerHeapMb({ sources: [] })).toBe(64);
    expect(noteWorkerHeapMb({ sources: ['x'.repeat(10 * 2 ** 20), 'y'.repeat(20 * 2 ** 20)] })).toBe(64 + 8 * 30);
  });

  it('a note worker that outgrows its cap fails with an error isOutOfMemory tells', async () => {
    const previous = setThreadMode('threads');
    const workers = new NoteWorkers(1, 8);
    try {
      const source = `# Big\n\n${'A paragraph with [[a link]] and *emphasis*.\n\n'.repeat(40_000)}`;
      const items = Array.from({ length: 8 }, (_, index) => ({ path: `big-${index}.md`, source }));
      const error = await workers.parse(items).then(
        () => null,
        (failure: unknown) => failure,
      );
      expect(error).toBeInstanceOf(Error);
      expect(isOutOfMemory(error)).toBe(true);
    } finally {
      await workers.close();
      setThreadMode(previous);
    }
  }, 60_000);

  it('tells other errors apart', () => {
    expect(isOutOfMemory(new Error('no'))).toBe(false);
    expect(isOutOfMemory(new Error('wrapped', { cause: Object.assign(new Error('oom'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }) }))).toBe(true);
    expect(isOutOfMemory('ERR_WORKER_OUT_OF_MEMORY')).toBe(false);
  });
});

// The site writer thread (publish/emit/file-writer.ts) tells Eleventy to wait once the pages
// sent and not yet written pass 16 M characters, and lets it go on once the thread catches up.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFileWriter } from '../src/publish/emit/file-writer.js';
import { setThreadMode } from '../src/threads/mode.js';

describe('the site writer thread', () => {
  it('asks to be waited for when far behind, and not once it has caught up', async () => {
    const previous = setThreadMode('threads');
    const dir = mkdtempSync(join(tmpdir(), 'almanac-writer-'));
    const writer = startFileWriter();
    try {
      expect(writer.ready()).toBeNull();
      const page = 'x'.repeat(2 ** 20);
      for (let index = 0; index < 40; index++) writer.write({ path: join(dir, `p${index}`, 'index.html'), content: page });
      const ready = writer.ready();
      expect(ready).toBeInstanceOf(Promise);
      await ready;
      // Caught up to 16 M characters or fewer in flight: no wait until more is sent.
      expect(writer.ready()).toBeNull();
      expect(await writer.finish()).toBe(40);
      expect(readdirSync(dir)).toHaveLength(40);
    } finally {
      setThreadMode(previous);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

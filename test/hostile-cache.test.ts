// The parse cache stays linear in the note: a note of 10,000 links on one line wrote a 990 MB
// cache file (each link kept its whole sentence) and 20,000 crashed ParseCache.save.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVault } from '../src/vault/load.js';
import { parseNote } from '../src/parse/index.js';
import { CONTEXT_CHARS } from '../src/parse/extract.js';
import { tempDir, writeVault } from './support/vault.js';

const LINKS = 10_000;

function cacheBytes(dir: string): number {
  return readdirSync(dir).reduce((total, file) => total + statSync(join(dir, file)).size, 0);
}

describe('link-dense notes', () => {
  it(`caches a note of ${LINKS.toLocaleString('en-US')} links on one line in at most 4x its size, and reads it back as parsed`, async () => {
    const source = `${Array.from({ length: LINKS }, (_, index) => `[[Note ${index}]]`).join(' ')}\n`;
    const dir = writeVault({ 'Dense.md': source });
    const cacheDir = join(tempDir(), 'cache');
    const cold = await loadVault(dir, { cacheDir, trees: false, workers: false });
    expect(cacheBytes(cacheDir)).toBeLessThanOrEqual(4 * Buffer.byteLength(source));
    const warm = await loadVault(dir, { cacheDir, trees: false, workers: false });
    expect(warm).toEqual(cold);
    const links = warm.notes[0]?.links ?? [];
    expect(links).toHaveLength(LINKS);
    // Each link keeps the text around itself, not the whole line.
    for (const index of [0, 1, 5_000, LINKS - 1]) {
      const context = links[index]?.context ?? '';
      expect(context).toContain(`Note ${index}`);
      expect(context.length).toBeLessThanOrEqual(CONTEXT_CHARS);
    }
    expect(links[5_000]?.context).toMatch(/^….*…$/);
  });

  it('keeps a short sentence whole, and cuts a long frontmatter value around its link', () => {
    const note = parseNote('a.md', `---\nsee: "${'word '.repeat(200)}[[Far]] ${'word '.repeat(200)}"\n---\nA short sentence with [[B]] and [[C]].\n`);
    const [far, b, c] = note.links;
    expect(b?.context).toBe('A short sentence with B and C.');
    expect(c?.context).toBe(b?.context);
    expect(far?.context).toContain('[[Far]]');
    expect(far?.context.length).toBeLessThanOrEqual(CONTEXT_CHARS);
  });
});

// Issue 12 §6: a slug segment longer than a file name may be (255 bytes) is cut with a short
// hash suffix, so the page can be written and two long names stay apart.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/publish/index.js';
import { MAX_SEGMENT_BYTES, slugifySegment } from '../src/publish/model/slug.js';
import { tempDir, writeVault } from './support/vault.js';
import { brokenReferences, listFiles, read } from './fixtures/publish/crawl.js';

const bytes = (text: string): number => Buffer.byteLength(text);

describe('slugifySegment', () => {
  it('keeps short segments as they are and cuts long ones (ASCII and multi-byte) to a unique, bounded slug', () => {
    expect(slugifySegment('Sector Rotation')).toBe('sector-rotation');
    const long = 'word '.repeat(60);
    const other = `${'word '.repeat(59)}other`;
    for (const text of [long, other, 'é'.repeat(300), '日本語'.repeat(100), 'İ'.repeat(120), `${'e\u0301'.repeat(150)}`]) {
      const slug = slugifySegment(text);
      expect(bytes(slug), text.slice(0, 10)).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
      expect(slug).toMatch(/-[0-9a-f]{8}$/);
      expect(slug.normalize('NFC')).toBe(slug);
      // Same input, same slug.
      expect(slugifySegment(text)).toBe(slug);
    }
    expect(slugifySegment(long)).not.toBe(slugifySegment(other));
  });
});

describe('a build with names longer than a file name may be', () => {
  it('writes every page, and links, tags and aliases to them resolve', async () => {
    // File names are at most 255 bytes, but a slug can grow past that: `İ` is 2 bytes and
    // lowercases to 3; an alias or tag has no file name limit at all.
    const dotted = 'İ'.repeat(120);
    const alias = `${'Alias '.repeat(50)}end`;
    const tag = 'tag'.repeat(100);
    const japanese = '長い名前'.repeat(20);
    const vault = writeVault({
      [`${dotted}.md`]: '# Dotted\n\nA note with a long name.\n',
      [`${japanese}.md`]: '# Japanese\n\nAnother.\n',
      'A.md': `---\naliases: ["${alias}"]\n---\n# A\n\n#${tag}\n`,
      'Other.md': `# Other\n\n[[${dotted}]] [[${japanese}]] [[${alias}]] [[A]] #${tag}\n`,
    });
    const out = join(tempDir('almanac-site-'), 'site');
    const result = await build({ vault, out, cache: false });
    expect(result.warnings).toEqual([]);
    for (const file of listFiles(out)) for (const segment of file.split('/')) expect(bytes(segment), file).toBeLessThanOrEqual(255);
    const other = read(out, 'other/index.html');
    const dottedPage = readdirSync(out).find((name) => name.startsWith('i̇i̇'));
    expect(dottedPage).toBeDefined();
    expect(read(out, `${dottedPage}/index.html`)).toContain('A note with a long name.');
    expect(other).toContain(`href="/${encodeURI(dottedPage ?? '')}/"`);
    expect(brokenReferences(out)).toEqual([]);
  });
});

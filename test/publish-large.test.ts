// A generated 2,000-note vault (with its planted broken links) builds, and every
// internal href and src in the output lands on a file; its search index holds what its pages
// show. The CLI, whose pages are written by a writer thread (file-writer.ts) and indexed in
// another (search-index.ts), writes the same files as build() in this thread.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../src/publish/index.js';
import { generateVault, type Expected } from './support/genvault.js';
import { runCli } from './support/vault.js';
import { committedDigest, digestDifferences, siteDigest } from './support/output-digest.js';
import { brokenReferences, isExternal, listFiles, references, searchPages, writtenPageWords } from './fixtures/publish/crawl.js';
import { searchUrl } from '../src/publish/search/search-index.js';
import { words } from '../src/publish/search/words.js';

/** A fixed today (stale badges) and now (feed), so the output can be pinned by a digest. */
const TODAY = '2026-06-01';

describe('a generated 2,000-note vault', () => {
  const root = mkdtempSync(join(tmpdir(), 'almanac-large-'));
  let expected: Expected;
  let site: BuildResult;

  beforeAll(async () => {
    expected = generateVault({ out: join(root, 'vault'), notes: 2000, seed: 11 });
    site = await build({ vault: join(root, 'vault'), out: join(root, 'site'), today: TODAY, now: new Date(`${TODAY}T12:00:00Z`) });
  }, 240_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('publishes every note whose frontmatter parses, warning about the planted broken links and the notes left out without failing', () => {
    // A note whose frontmatter does not parse may say `publish: false`: it is left out, with a warning at its line.
    expect(site.notes).toBe(expected.notes - expected.invalidFrontmatter.length);
    const leftOut = site.warnings.filter((warning) => warning.rule === 'invalid-frontmatter').map((warning) => ({ file: warning.file, line: warning.line }));
    expect(leftOut.sort(byFile)).toEqual([...expected.invalidFrontmatter].sort(byFile));
    const unresolved = expected.unresolved.length + expected.attachments.length;
    expect(site.warnings.length - leftOut.length).toBeGreaterThan(0);
    expect(site.warnings.length - leftOut.length).toBeLessThanOrEqual(unresolved);
    expect(listFiles(site.outDir).filter((file) => file.endsWith('.html')).length).toBe(site.pages);
  });

  it('is written byte for byte as the committed digest says (test/support/output-digest.ts)', () => {
    const actual = siteDigest(site.outDir);
    expect(digestDifferences(committedDigest('generated-2000', actual), actual)).toEqual([]);
  });

  it('has every internal href and src landing on a file', () => {
    const internal = references(site.outDir).filter((ref) => !isExternal(ref.value));
    expect(internal.length).toBeGreaterThan(50_000);
    expect(brokenReferences(site.outDir)).toEqual([]);
  });

  it('indexes for search the words its pages show', () => {
    const pages = searchPages(site.outDir);
    expect(pages.map((page) => page.url)).toEqual(site.plan.pages.notes.map((page) => searchUrl(page, site.base)));
    // Every 7th note page, read back with a real HTML parser.
    site.plan.pages.notes.forEach((page, id) => {
      if (id % 7 !== 0) return;
      const written = writtenPageWords(site.outDir, page.output);
      const sections = pages[id]?.sections ?? [];
      expect(words(pages[id]?.title ?? '')).toEqual(written.title);
      expect(sections.flatMap((section, index) => words(index === 0 ? section.text : `${section.heading} ${section.text}`))).toEqual(written.body);
    });
  });

  it('is written the same by the CLI, whose notes are parsed and rendered by note workers, its pages saved by a writer thread and indexed in another', () => {
    const out = join(root, 'cli-site');
    const cli = runCli(['build', '--vault', join(root, 'vault'), '--out', out, '--today', TODAY]);
    // Broken-link warnings go to stderr; the build succeeds.
    expect(cli.status).toBe(0);
    const files = listFiles(site.outDir);
    expect(listFiles(out)).toEqual(files);
    const differing = files.filter((file) => !readFileSync(join(out, file)).equals(readFileSync(join(site.outDir, file))));
    expect(differing).toEqual([]);
  }, 120_000);
});

function byFile(a: { file: string }, b: { file: string }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

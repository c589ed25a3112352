// Issue 13, "decide and document": the link cases Obsidian vaults are full of, checked against
// the hand-written notes in test/fixtures/real/link-cases/ (README "Link resolution" says why
// each lands where it does). Check and build must agree: build renders what check resolved.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadVault, type Vault } from '../src/vault/load.js';
import { resolveLinks, type LinkGraph } from '../src/resolve/index.js';
import { check } from '../src/check/index.js';
import { parseConfig } from '../src/config/load.js';
import { build, type BuildResult } from '../src/publish/index.js';
import { ROOT, tempDir } from './support/vault.js';

const VAULT = join(ROOT, 'test/fixtures/real/link-cases');

let vault: Vault;
let graph: LinkGraph;
let site: BuildResult;
let out: string;

beforeAll(async () => {
  vault = await loadVault(VAULT, { workers: false });
  graph = resolveLinks(vault);
  out = join(tempDir(), 'site');
  site = await build({ vault: VAULT, cwd: tempDir(), out, today: '2026-01-10', search: false, cache: false });
});

/** Each link written in `note`, as `target → status note`. */
function landings(note: string): string[] {
  return (graph.outgoing.get(note) ?? []).map(
    (link) => `${link.link.target} → ${link.status} ${link.note ?? '-'}${link.heading ? `#${link.heading.text}` : ''}`,
  );
}

/** The internal links in a built page's note body, as `href text`. */
function bodyLinks(page: string): string[] {
  const html = readFileSync(join(out, page), 'utf8');
  const article = /<article[\s\S]*?<\/article>/.exec(html)?.[0] ?? '';
  return [...article.matchAll(/<a class="internal[^"]*" href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((match) => `${match[1] ?? ''} ${match[2] ?? ''}`);
}

describe('link cases from real vaults', () => {
  it('check reports only the link to a folder, and nothing as ambiguous', () => {
    const result = check(vault, { config: parseConfig('rules: {orphan-note: off}'), graph, today: '2026-01-10' });
    expect(result.problems.map((p) => `${p.file}:${p.line} ${p.rule} ${p.target ?? ''}`)).toEqual(['Links.md:5 unresolved-link Note/']);
  });

  it('[[Note]] beside a folder Note/ holding Note/Note.md is Note.md, from anywhere; a folder is never a link target', () => {
    expect(landings('Links.md').slice(0, 3)).toEqual(['Note → resolved Note.md', 'Note/Note → resolved Note/Note.md', 'Note/ → unresolved-link -']);
    expect(landings('Note/Other.md')).toEqual(['Note → resolved Note.md', 'Note/Note → resolved Note/Note.md']);
    const urls = new Map(site.plan.site.notes.map((entry) => [entry.note.path, entry.url]));
    expect(urls.get('Note.md')).toBe('/note/');
    expect(urls.get('Note/Note.md')).toBe('/note/note/');
    expect(bodyLinks('note/other/index.html')).toEqual(['/note/ Note', '/note/note/ Note/Note']);
    // The folder's own page gives way to the note.
    expect(readFileSync(join(out, 'note-2/index.html'), 'utf8')).toContain('in the folder Note/.');
  });

  it('spaces around a name or heading are trimmed, and an empty # is the note itself', () => {
    expect(landings('Links.md').slice(3, 10)).toEqual([
      'Note → resolved Note.md',
      'Note → resolved Note.md',
      'Note #Part → resolved Note.md#Part',
      'Note#Part → resolved Note.md#Part',
      'Note# → resolved Note.md',
      'Note# → resolved Note.md',
      '# → resolved Links.md',
    ]);
    // `[[#]]` links the note to itself: no backlink.
    expect((graph.backlinks.get('Links.md') ?? []).length).toBe(0);
  });

  it('build shows those links with their names, never an empty link or a dangling ›', () => {
    const links = bodyLinks('links/index.html');
    // `[[Note/]]` (unresolved) is not a link on the page; the rest follow `[[Note/Note]]`.
    expect(links.slice(2, 9)).toEqual([
      '/note/ Note',
      '/note/ Note',
      '/note/#part Note › Part',
      '/note/#part Note › Part',
      '/note/ Note',
      '/note/ Note',
      '/links/ #',
    ]);
  });

  it('[[]], [[ ]] and [[|text]] are text, not links', () => {
    const note = vault.notes.find((entry) => entry.path === 'Links.md');
    expect(note?.links.filter((link) => link.line === 15)).toEqual([]);
    const html = readFileSync(join(out, 'links/index.html'), 'utf8');
    expect(html).toContain('<p>[[]] and [[ ]] and [[|text]] stay text.</p>');
  });

  it('a note named index: the root one is the home page, Folder/index.md is an ordinary note, [[index]] is the root one', () => {
    expect(landings('Links.md').slice(10)).toEqual(['index → resolved index.md', 'Folder/index → resolved Folder/index.md']);
    expect(landings('Folder/Inside.md')).toEqual([
      'index → resolved index.md',
      './index → resolved Folder/index.md',
      'Folder/index → resolved Folder/index.md',
    ]);
    const urls = new Map(site.plan.site.notes.map((entry) => [entry.note.path, entry.url]));
    expect(urls.get('index.md')).toBe('/');
    expect(urls.get('Folder/index.md')).toBe('/folder/index/');
    expect(readFileSync(join(out, 'folder/index.html'), 'utf8')).toContain('in the folder Folder/.');
    expect(bodyLinks('folder/inside/index.html')).toEqual(['/ index', '/folder/index/ ./index', '/folder/index/ Folder/index']);
  });
});

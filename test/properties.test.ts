// The properties block under a note's title: links to published notes clickable, dates in
// <time datetime>, lists as pills, booleans as a checkbox, numbers as written, mappings
// compactly; `site.properties.hide` (defaults: what Publish reads and what the header shows)
// and `site.properties: false`; hostile values stay text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/vault.js';
import { parseNote } from '../src/parse/index.js';
import { resolveLinks } from '../src/resolve/index.js';
import { siteSchema } from '../src/config/site.js';
import { comparePaths } from '../src/vault/load.js';
import { planSite } from '../src/publish/index.js';
import { formatDate } from '../src/publish/properties/value.js';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';

function properties(files: Record<string, string>, path: string, site: Record<string, unknown> = {}): string {
  const notes = Object.entries(files)
    .sort(([a], [b]) => comparePaths(a, b))
    .map(([file, source]) => parseNote(file, source));
  const options = siteSchema.parse({ ...site });
  const plan = planSite({ notes, graph: resolveLinks({ root: '/vault', notes, attachments: [] }), vaultRoot: '/vault', base: '/', options });
  const page = plan.notePages.get(path);
  if (!page) throw new Error(`no page for ${path}`);
  return page.properties;
}

// One key of every kind the block formats, plus the keys it hides by default.
const NOTE = readFileSync(join(ROOT, 'test/fixtures/render/properties.md'), 'utf8');

const FILES = { 'Rotation.md': NOTE, 'Goldman Sachs.md': '# Goldman Sachs\n', 'Secret.md': '---\npublish: false\n---\n# Secret\n' };

describe('properties block', () => {
  it('shows each visible key in order, formatted by its value', () => {
    const html = properties(FILES, 'Rotation.md');
    const keys = [...html.matchAll(/<dt>([^<]*)<\/dt>/g)].map((match) => match[1]);
    expect(keys).toEqual(['title', 'firm', 'peers', 'started', 'reviewed', 'rating', 'done', 'open', 'source', 'nested']);
    expect(html).toContain('<dd><a class="internal" href="/goldman-sachs/" data-slug="goldman-sachs">Goldman Sachs</a></dd>');
    // Pills; a link to a private note is redacted as in type-page cells, a plain string stays text.
    expect(html).toContain(
      '<ul class="property-list"><li class="property-pill"><a class="internal" href="/goldman-sachs/" data-slug="goldman-sachs">GS</a></li><li class="property-pill">[[…]]</li><li class="property-pill">Plain</li></ul>',
    );
    expect(html).not.toContain('/secret/');
    expect(html).toContain('<time datetime="2024-03-05">Mar 5, 2024</time>');
    expect(html).toMatch(/<time datetime="2026-01-14T09:30">Jan 14, 2026, 9:30\s?AM<\/time>/);
    expect(html).toContain('<span class="property-number">4.5</span>');
    expect(html).toContain('<input type="checkbox" checked disabled class="property-boolean">');
    expect(html).toContain('<input type="checkbox" disabled class="property-boolean">');
    expect(html).toContain('<a class="external" href="https://example.com/report?a=1">https://example.com/report?a=1</a>');
    expect(html).toContain(
      '<span class="property-map"><span class="property-map-key">region:</span> EMEA; <span class="property-map-key">owner:</span> <a class="internal" href="/goldman-sachs/" data-slug="goldman-sachs">Goldman Sachs</a></span>',
    );
  });

  it('hides the keys site.properties.hide names (any case), and is off with site.properties: false', () => {
    const html = properties(FILES, 'Rotation.md', { properties: { hide: ['Firm', 'PEERS'] } });
    expect(html).not.toContain('<dt>firm</dt>');
    expect(html).not.toContain('<dt>peers</dt>');
    // A list of its own adds to the defaults: the header's keys and Publish's stay out.
    expect(html).not.toContain('<dt>tags</dt>');
    expect(html).not.toContain('<dt>permalink</dt>');
    // `show` brings a default-hidden key back, never one the header shows.
    const shown = properties(FILES, 'Rotation.md', { properties: { show: ['permalink', 'tags'] } });
    expect(shown).toContain('<dt>permalink</dt>');
    expect(shown).not.toContain('<dt>tags</dt>');
    expect(properties({ 'A.md': '---\nstale: false\nfirm: X\n---\n# A\n' }, 'A.md')).not.toContain('<dt>stale</dt>');
    expect(properties(FILES, 'Rotation.md', { properties: false })).toBe('');
    expect(properties({ 'A.md': '---\ntags: [x]\npublish: true\n---\n# A\n' }, 'A.md')).toBe('');
  });

  it('keeps hostile values as text', () => {
    const hostile = `---
note: "<script>alert(1)</script><img src=x onerror=alert(2)>"
"<b onclick=x>key</b>": 1
link: "javascript:alert(3)"
list: ["<iframe src=//evil>", "[[x\\"><script>alert(4)</script>]]"]
when: "2026-01-14\\"><script>"
---
`;
    const html = properties({ 'H.md': hostile }, 'H.md');
    const tree = fromHtml(html, { fragment: true });
    const elements: string[] = [];
    visit(tree, 'element', (node: Element) => {
      elements.push(node.tagName);
      for (const [name, value] of Object.entries(node.properties)) {
        expect(name.startsWith('on'), name).toBe(false);
        expect(String(value)).not.toMatch(/^javascript:/i);
      }
    });
    expect([...new Set(elements)].sort()).toEqual(['dd', 'div', 'dl', 'dt', 'li', 'span', 'ul']);
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(html).toContain('<dt>&#x3C;b onclick=x>key&#x3C;/b></dt>');
  });

  it('formats dates for the site language and rejects impossible ones', () => {
    expect(formatDate('2026-02-30', 'en')).toBeNull();
    expect(formatDate('2026-01-14', 'de')).toBe('14.01.2026');
    expect(formatDate('not a date', 'en')).toBeNull();
  });
});

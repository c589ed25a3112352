// Attachments that would run script on the site's origin, and ids from a note's HTML that would
// clobber the page's own (issue 12 §4): SVG is copied sanitised, HTML/XHTML/XML only when
// `site.allowHtmlAttachments` says so, user ids are prefixed `user-content-` and links still land.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { EVIL_HTML, EVIL_SVG, expectIds, expectInert, USER_IDS_NOTE } from './support/hostile-fixtures.js';
import { build } from '../src/publish/index.js';
import { sanitizeSvg } from '../src/publish/render/attachment-safety.js';
import { listFiles } from './fixtures/publish/crawl.js';
import { tempDir, writeVault } from './support/vault.js';

describe('SVG attachments', () => {
  it('are written without script, handlers, foreign objects, script links, external <use> or entities, and still draw', () => {
    const svg = sanitizeSvg(EVIL_SVG);
    expectInert(svg);
    const tree = fromHtml(svg, { fragment: true, space: 'svg' });
    // What draws is kept, local references included.
    expect(selectAll('svg > rect[width="10"][fill="url(#g)"]', tree)).toHaveLength(1);
    expect(selectAll('linearGradient#g > stop', tree)).toHaveLength(1);
    expect(selectAll('use', tree).map((use) => use.properties.xLinkHref ?? use.properties.href)).toEqual([undefined, '#g']);
    expect(selectAll('image', tree).map((image) => image.properties.href)).toEqual(['data:image/png;base64,AAAA', undefined]);
    expect(svg).toContain('viewBox="0 0 10 10"');
    // The <style> text is escaped, so the `</style><script>` in its CDATA stays text... and is dropped with it.
    expect(selectAll('style', tree)).toHaveLength(1);
  });
});

describe('HTML, XHTML and XML attachments', () => {
  const notes = {
    'Page.md': '# Page\n\nSee [[evil.html]], [[evil.xhtml|the XHTML]] and ![[evil.xml]]; the picture: ![[evil.svg]]\n',
    'evil.svg': EVIL_SVG,
    'evil.html': EVIL_HTML,
    'evil.xhtml': `<html xmlns="http://www.w3.org/1999/xhtml"><body><script>alert(1)</script></body></html>`,
    'evil.xml': '<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>',
  };

  it('are neither copied nor linked to, and build warns; the SVG is copied sanitised', async () => {
    const vault = writeVault(notes);
    const out = join(tempDir(), 'site');
    const result = await build({ vault, out, search: false });
    const files = listFiles(out).filter((file) => file.startsWith('files/'));
    expect(files).toEqual(['files/evil.svg']);
    expectInert(readFileSync(join(out, 'files/evil.svg'), 'utf8'));
    const page = readFileSync(join(out, 'page', 'index.html'), 'utf8');
    // Named as text only: no link, embed or source points at them.
    expect(page).not.toMatch(/(?:href|src)="[^"]*evil\.(?:html|xhtml|xml)/);
    expect(page).toContain('See evil.html, the XHTML and <span class="embed embed-private">');
    expect(page).toContain('src="/files/evil.svg"');
    const unsafe = result.warnings.filter((warning) => warning.rule === 'unsafe-attachment');
    expect(unsafe.map((warning) => [warning.file, warning.line, warning.message.split(' could')[0]])).toEqual([
      ['Page.md', 3, 'Not published: evil.html'],
      ['Page.md', 3, 'Not published: evil.xhtml'],
      ['Page.md', 3, 'Not published: evil.xml'],
    ]);
  });

  it('are copied and linked when site.allowHtmlAttachments is true', async () => {
    const project = writeVault({
      ...Object.fromEntries(Object.entries(notes).map(([path, text]) => [`vault/${path}`, text])),
      'almanac.yaml': 'vault: vault\noutput: site\nsite:\n  allowHtmlAttachments: true\n',
    });
    const result = await build({ cwd: project, search: false });
    expect(listFiles(join(project, 'site')).filter((file) => file.startsWith('files/'))).toEqual([
      'files/evil.html',
      'files/evil.svg',
      'files/evil.xhtml',
      'files/evil.xml',
    ]);
    expect(readFileSync(join(project, 'site', 'files/evil.html'), 'utf8')).toBe(EVIL_HTML);
    expect(readFileSync(join(project, 'site', 'page', 'index.html'), 'utf8')).toContain('href="/files/evil.html"');
    expect(result.warnings.filter((warning) => warning.rule === 'unsafe-attachment')).toEqual([]);
  });
});

describe('ids from a note', () => {
  it('are prefixed user-content-, Almanac heading and block ids are not, and #fragment links land', async () => {
    const vault = writeVault({ 'Page.md': USER_IDS_NOTE });
    const out = join(tempDir(), 'site');
    await build({ vault, out, search: true });
    expectIds(readFileSync(join(out, 'page', 'index.html'), 'utf8'));
  });
});

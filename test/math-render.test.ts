// Math on the site (render/math/math.ts, trusted.ts): KaTeX's HTML and MathML at build time,
// the TeX kept as written, money left as text, rejected TeX as its source with a warning,
// hostile TeX harmless and bounded, slots that a note cannot forge, and KaTeX's stylesheet
// only where math is.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { build } from '../src/publish/index.js';
import { renderTex } from '../src/publish/render/math/math.js';
import { TrustedFragments } from '../src/publish/render/trusted.js';
import { pageSections } from '../src/publish/search/page-text.js';
import { pageHtml, planNotes, renderFixture } from './support/render-plan.js';
import { tempDir, writeVault } from './support/vault.js';

const source = renderFixture('math.md');
const STYLESHEET = '<link rel="stylesheet" href="/assets/katex/katex.min.css">';

/** The TeX each rendered formula says it is (KaTeX's MathML annotation), as written. */
function annotations(html: string): string[] {
  return selectAll('annotation', fromHtml(html, { fragment: true })).map((node) =>
    node.children.map((child) => (child.type === 'text' ? child.value : '')).join(''),
  );
}

/** Elements and attribute values of the HTML, for what may not be in it. */
function elements(html: string): Array<{ tag: string; values: string[] }> {
  return selectAll('*', fromHtml(html, { fragment: true })).map((node) => ({
    tag: node.tagName,
    values: Object.entries(node.properties).map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(' ') : String(value)}`),
  }));
}

describe.each(['remark', 'auto'] as const)('math in a note (%s parser)', (parser) => {
  const plan = planNotes({ 'Math.md': source, 'Other.md': '# Other' }, { parser });
  const html = pageHtml(plan, 'Math.md');
  const tree = fromHtml(html, { fragment: true });

  it('is KaTeX HTML with MathML, inline and display', () => {
    expect(selectAll('span.math-inline .katex', tree).length).toBeGreaterThanOrEqual(4);
    expect(selectAll('.katex math', tree).length).toBe(selectAll('.katex', tree).length);
    expect(selectAll('span.math-display .katex-display', tree)).toHaveLength(1);
    expect(selectAll('div.math-display .katex-display', tree)).toHaveLength(1);
    expect(selectAll('.katex-html[aria-hidden="true"]', tree).length).toBeGreaterThan(0);
    expect(plan.notePages.get('Math.md')?.features).toContain('math');
  });

  it('keeps the TeX as written: subscripts are not emphasis, \\\\ stays two backslashes', () => {
    const tex = annotations(html);
    expect(tex).toContain('a_b + c_d');
    expect(tex).toContain('e^{i\\pi} + 1 = 0');
    expect(tex.find((item) => item.includes('aligned'))).toContain('a &= b \\\\\nc &= d');
    expect(html).not.toContain('<em>b + c</em>');
  });

  it('leaves money as text, exactly', () => {
    expect(html).toContain('<p>The money stays text: $10M, ~$38M, $5 and $10, $10M-$20M, between $5 and $10.</p>');
    expect(html).toContain('<td>$38M</td>');
    expect(html).toContain('<td>$1.2B</td>');
    expect(html).toContain('<p>Escaped: $x$ is a dollar and x.</p>');
  });

  it('makes nothing inside math a link, tag, highlight or emphasis', () => {
    const line = html.slice(html.indexOf('Not links or tags inside'), html.indexOf('</p>', html.indexOf('Not links or tags inside')));
    expect(line).not.toMatch(/<a |<mark|<em>/);
    expect(annotations(line)).toEqual(['[[Other]]', '\\#x', 'a==b', '*not emphasis*']);
  });

  it('shows TeX KaTeX rejects as its source, with an invalid-math warning at file:line:column', () => {
    expect(html).toContain('<span class="math math-inline"><code class="math-error">\\frac{1}{</code></span>');
    expect(html).toContain('<code class="math-error">\\badmacro{x}</code>');
    const warnings = (plan.warnings.get('Math.md') ?? []).filter((warning) => warning.rule === 'invalid-math');
    const line = source.split('\n').findIndex((text) => text.startsWith('Broken:')) + 1;
    expect(warnings.map((warning) => [warning.line, warning.column])).toEqual([
      [line, 9],
      [line, 30],
    ]);
    expect(warnings[1]?.message).toContain('\\badmacro');
  });
});

describe('math in search', () => {
  it('indexes and quotes the TeX as written, not KaTeX’s glyphs', () => {
    const html = pageHtml(planNotes({ 'M.md': '# M\n\nEuler $e^{i\\pi}+1=0$ and $a_b < c$ here.\n\n$$\nx^2\n$$\n' }), 'M.md');
    expect(pageSections(html, 'M', '')[0]?.text).toBe('Euler e^{i\\pi}+1=0 and a_b < c here. x^2');
  });
});

describe('hostile math', () => {
  const render = (tex: string): string => pageHtml(planNotes({ 'H.md': `# H\n\n$${tex}$\n` }), 'H.md');

  it.each([
    ['\\href{javascript:alert(1)}{x}'],
    ['\\url{javascript:alert(1)}'],
    ['\\htmlClass{evil}{x}'],
    ['\\htmlStyle{background:url(https://evil.example/)}{x}'],
    ['\\htmlId{site-title}{x}'],
    ['\\htmlData{foo=bar}{x}'],
    ['\\includegraphics{https://evil.example/a.png}'],
    ['\\text{<script>alert(1)</script>}'],
    ['\\color{red;background:url(https://evil.example/)}{x}'],
  ])('%s links, loads and runs nothing', (tex) => {
    const found = elements(render(tex));
    expect(found.map((element) => element.tag)).not.toEqual(expect.arrayContaining(['a']));
    for (const element of found) {
      expect(['a', 'img', 'script', 'iframe', 'object', 'style']).not.toContain(element.tag);
      for (const value of element.values) expect(value).not.toMatch(/javascript:|evil|url\(|site-title|^data(?!AlmanacSlot)|foo/i);
    }
  });

  it('stops a \\def that expands forever, and keeps sizes bounded', () => {
    const started = performance.now();
    const loop = renderTex('\\def\\a{\\a\\a}\\a', false);
    expect(loop.ok).toBe(false);
    expect(renderTex('\\def\\b{x\\b}\\b', false).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
    const big = renderTex('\\rule{100000em}{100000em}', true);
    // The visible part (MathML is clipped to 1px by KaTeX's stylesheet) is at most maxSize.
    const visible = big.ok ? big.html.replace(/<span class="katex-mathml">[\s\S]*?<\/math><\/span>/, '') : '';
    expect(visible).toContain('katex-rule');
    expect(Array.from(visible.matchAll(/([\d.]+)em/g), (match) => Number(match[1])).every((size) => size <= 50)).toBe(true);
  });

  it('cannot forge a slot: placeholder-shaped HTML in a note is removed, never filled', () => {
    const fragments = new TrustedFragments();
    const slot = fragments.slot('<b>trusted</b>');
    const name = String(slot.properties.dataAlmanacSlot);
    const [nonce] = name.split('-');
    const forged = `<span data-almanac-slot="${'0'.repeat(nonce?.length ?? 32)}-0"></span>`;
    expect(fragments.splice(`<p>${forged}</p><span data-almanac-slot="${name}"></span>`)).toBe('<p></p><b>trusted</b>');
    // Through a whole render: raw HTML with a slot-shaped span next to real math.
    const html = pageHtml(planNotes({ 'F.md': '# F\n\n<span data-almanac-slot="x-0"></span> and $x$\n' }), 'F.md');
    expect(html).not.toContain('data-almanac-slot');
    expect(selectAll('.katex', fromHtml(html, { fragment: true }))).toHaveLength(1);
    expect(html.indexOf('<span class="katex">')).toBeGreaterThan(html.indexOf(' and '));
  });
});

describe('a site with math', () => {
  it('links and ships KaTeX stylesheet and fonts only where math is', async () => {
    const out = join(tempDir(), 'site');
    const files = { 'Math.md': '# Math\n\n$x^2$\n', 'Embeds.md': '# Embeds\n\n![[Math]]\n', 'Money.md': '# Money\n\n$5 and $10\n' };
    await build({ vault: writeVault(files), out, search: false, cache: false });
    const page = (slug: string): string => readFileSync(join(out, slug, 'index.html'), 'utf8');
    expect(page('math')).toContain(STYLESHEET);
    expect(page('embeds')).toContain(STYLESHEET);
    expect(page('money')).not.toContain('katex');
    const css = readFileSync(join(out, 'assets', 'katex', 'katex.min.css'), 'utf8');
    const fonts = readdirSync(join(out, 'assets', 'katex', 'fonts'));
    expect(fonts.length).toBeGreaterThan(10);
    expect(fonts.every((font) => font.endsWith('.woff2'))).toBe(true);
    // Every font the stylesheet names is there, and it names no other format.
    const named = Array.from(css.matchAll(/url\(fonts\/([^)]+)\)/g), (match) => match[1]);
    expect(named.length).toBeGreaterThan(10);
    for (const font of named) expect(fonts).toContain(font);
  });

  it('without math gets no KaTeX files', async () => {
    const out = join(tempDir(), 'site');
    await build({ vault: writeVault({ 'Money.md': '# Money\n\n| $38M | $1.2B |\n| --- | --- |\n| ~$5M | $10M-$20M |\n' }), out, search: false, cache: false });
    expect(readFileSync(join(out, 'money', 'index.html'), 'utf8')).not.toContain('katex');
    expect(existsSync(join(out, 'assets', 'katex'))).toBe(false);
  });
});

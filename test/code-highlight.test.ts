// Fenced code highlighted at build time by Shiki (render/highlight.ts, code.ts): tokens as
// colour classes for the light and dark themes, defined by the generated assets/code.css,
// never style attributes; unknown languages plain; code that looks like HTML stays text;
// block ids kept; Shiki never loaded for notes without code.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element } from 'hast';
import { build, type SitePlan } from '../src/publish/index.js';
import { highlighterLoaded, highlightCode } from '../src/publish/render/code/highlight.js';
import { pageHtml, planNotes, renderFixture } from './support/render-plan.js';
import { tempDir, writeVault } from './support/vault.js';

const source = renderFixture('code.md');

/** The fences of the fixture, in order: language and code. */
const fences = [...source.matchAll(/^```(\S*)\n([\s\S]*?)\n```$/gm)].map((match) => ({ lang: match[1] ?? '', code: match[2] ?? '' }));

function blocks(html: string): Element[] {
  return selectAll('pre', fromHtml(html, { fragment: true }));
}

function classesOf(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** The classes of the token whose text is `word`, in `pre`. */
function tokenClasses(pre: Element, word: string): string[] {
  const token = selectAll('span.line span', pre).find((span) => toText(span) === word);
  if (!token) throw new Error(`no token "${word}"`);
  return classesOf(token);
}

describe('notes without code', () => {
  // First in this file: the module state is this file's own.
  it('never load Shiki, nor do blocks in languages it does not know', () => {
    const plan = planNotes({
      'Plain.md': '# Plain\n\nNo code here, only `inline code`.\n\n    indented code\n',
      'Other.md': '```\nno language\n```\n\n```dataview\nLIST FROM #x\n```\n\n```text\nplain\n```\n',
    });
    expect(pageHtml(plan, 'Plain.md')).toContain('<code>inline code</code>');
    expect(plan.notePages.get('Plain.md')?.features).toEqual([]);
    expect(plan.notePages.get('Other.md')?.features).toEqual([]);
    expect(highlighterLoaded()).toBe(false);
  });
});

describe.each(['remark', 'fast'] as const)('fenced code (%s parser)', (parser) => {
  // Planned when the tests run (not when they are collected), after the test above.
  let plan: SitePlan;
  let html: string;
  let pres: Element[];
  beforeAll(() => {
    plan = planNotes({ 'Code.md': source }, { parser });
    html = pageHtml(plan, 'Code.md');
    pres = blocks(html);
  });

  it('keeps every block, each holding exactly its code as text', () => {
    expect(pres).toHaveLength(fences.length);
    pres.forEach((pre, index) => {
      expect(toText(pre)).toBe(`${fences[index]?.code}\n`);
    });
  });

  it('colours known languages (aliases too) with a light and a dark class per token', () => {
    const known = pres.filter((pre) => classesOf(pre).includes('shiki'));
    expect(known.map((pre) => select('code', pre)?.properties.className)).toEqual([
      ['language-ts'],
      ['language-py'],
      ['language-sh'],
      ['language-yml'],
      ['language-html'],
      ['language-js'],
    ]);
    const light = tokenClasses(known[0] as Element, 'const').filter((name) => name.startsWith('shl-'));
    const dark = tokenClasses(known[0] as Element, 'const').filter((name) => name.startsWith('shd-'));
    expect(light).toHaveLength(1);
    expect(dark).toHaveLength(1);
    expect(light[0]?.slice(4)).not.toBe(dark[0]?.slice(4));
    // Python's `def` is a keyword too: the same colours as TypeScript's `const`.
    expect(tokenClasses(known[1] as Element, 'def')).toEqual([...light, ...dark]);
    for (const pre of known) expect(selectAll('span.line', pre).length).toBeGreaterThan(0);
    expect(plan.notePages.get('Code.md')?.features).toEqual(['code']);
  });

  it('leaves unknown languages and blocks without one plain', () => {
    const plain = pres.filter((pre) => !classesOf(pre).includes('shiki'));
    expect(plain.map((pre) => select('code', pre)?.properties.className ?? null)).toEqual([['language-nosuchlang'], null]);
    for (const pre of plain) expect(selectAll('span', pre)).toEqual([]);
  });

  it('writes no style attribute and lets no markup out of the code', () => {
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/<script|<img|onerror=/i);
    // The string is one token (a light and a dark class), its markup escaped text.
    expect(tokenClasses(pres[pres.length - 1] as Element, `"</code><script>alert('x')</script>"`)).toHaveLength(2);
    expect(html).toContain(`"&#x3C;/code>&#x3C;script>alert('x')&#x3C;/script>"</span>`);
  });

  it('keeps the block id on the highlighted block', () => {
    expect(html).toMatch(/<pre class="shiki" id="\^ts-block"><code class="language-ts">/);
  });
});

describe('the highlighter', () => {
  it('reads a language by its aliases and caches by language and code', () => {
    const code = 'let x = 1;';
    const byName = highlightCode('javascript', code);
    expect(byName).not.toBeNull();
    expect(highlightCode('js', code)).toBe(byName);
    expect(highlightCode('JS', code)).toBe(byName);
    expect(highlightCode('ts', code)).not.toBe(byName);
    expect(highlightCode('text', code)).toBeNull();
    expect(highlightCode('no-such-language', code)).toBeNull();
  });
});

describe('a built site with code', () => {
  it('has assets/code.css defining every class its pages use, linked from those pages only', async () => {
    const vault = writeVault({ 'Code.md': source, 'Plain.md': '# Plain\n\nNo code.\n' });
    const out = join(tempDir(), 'site');
    await build({ vault, out, search: false, cache: false });
    const page = readFileSync(join(out, 'code', 'index.html'), 'utf8');
    const plain = readFileSync(join(out, 'plain', 'index.html'), 'utf8');
    expect(page).toContain('<link rel="stylesheet" href="/assets/code.css">');
    expect(plain).not.toContain('code.css');
    const css = readFileSync(join(out, 'assets', 'code.css'), 'utf8');
    const used = new Set(selectAll('pre.shiki span', fromHtml(page)).flatMap(classesOf));
    used.delete('line');
    expect(used.size).toBeGreaterThan(5);
    for (const name of used) expect(css).toContain(`.${name} {`);
    expect(css).toMatch(/:root\[data-theme="dark"\] \.shiki/);
  });

  it('has no code stylesheet when no page has highlighted code', async () => {
    const vault = writeVault({ 'Plain.md': '# Plain\n\n```\nno language\n```\n' });
    const out = join(tempDir(), 'site');
    await build({ vault, out, search: false, cache: false });
    expect(existsSync(join(out, 'assets', 'code.css'))).toBe(false);
    expect(readFileSync(join(out, 'plain', 'index.html'), 'utf8')).not.toContain('code.css');
  });
});

// The stylesheet a built site serves is the template's, minified: smaller, every rule kept.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyAssets } from '../src/publish/emit/copy-assets.js';
import { TEMPLATES_DIR } from '../src/publish/emit/eleventy-site.js';
import { minifyCss } from '../src/publish/emit/minify-css.js';

const out = mkdtempSync(join(tmpdir(), 'almanac-css-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The selectors of a stylesheet, whitespace removed, in order of appearance. */
function selectors(css: string): string[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...withoutComments.matchAll(/([^{}]+)\{/g)].map((match) => (match[1] ?? '').replace(/\s+/g, ''));
}

describe('the site stylesheet', () => {
  it('is copied minified: at most 80% of the source, no comments, the same rules', () => {
    copyAssets(TEMPLATES_DIR, out);
    const source = readFileSync(join(TEMPLATES_DIR, 'assets', 'almanac.css'), 'utf8');
    const served = readFileSync(join(out, 'assets', 'almanac.css'), 'utf8');
    expect(served.length).toBeLessThan(source.length * 0.8);
    expect(served).not.toContain('/*');
    // Every custom property and every class the source names survives.
    const rules = source.replace(/\/\*[\s\S]*?\*\//g, '');
    for (const name of new Set(rules.match(/--[a-z][\w-]*|\.[a-z][\w-]*(?=[\s,{:.[>)])/g) ?? [])) {
      expect(served, name).toContain(name);
    }
    expect(selectors(served).length).toBeGreaterThan(100);
  });

  it('keeps a file the minifier cannot read as written', () => {
    const broken = new TextEncoder().encode('a { color: red; } @media (');
    const result = minifyCss(broken, 'broken.css');
    expect(new TextDecoder().decode(result).length).toBeGreaterThan(0);
    const good = new TextDecoder().decode(minifyCss(new TextEncoder().encode('a {\n  color: red; /* note */\n}\n'), 'x.css'));
    expect(good).toBe('a{color:red}');
  });
});

// ```mermaid fences (render/code.ts): a <pre class="mermaid"> holding the diagram's source as
// text, the block id kept; the loader script only on pages with a diagram (embedded ones
// count), and the loader and Mermaid's library copied only into a site that has one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { build } from '../src/publish/index.js';
import { pageHtml, planNotes, renderFixture } from './support/render-plan.js';
import { tempDir, writeVault } from './support/vault.js';

const source = renderFixture('mermaid.md');
const diagram = /```mermaid\n([\s\S]*?)\n```/.exec(source)?.[1] ?? '';
const LOADER = '<script type="module" src="/assets/js/mermaid.js"></script>';

describe.each(['remark', 'fast'] as const)('a mermaid fence (%s parser)', (parser) => {
  it('is a diagram container holding its source as text, with its block id', () => {
    const plan = planNotes({ 'Diagrams.md': source }, { parser });
    const html = pageHtml(plan, 'Diagrams.md');
    const containers = selectAll('pre.mermaid', fromHtml(html, { fragment: true }));
    expect(containers).toHaveLength(1);
    expect(diagram).toContain('graph TD');
    expect(toText(containers[0] ?? { type: 'root', children: [] })).toBe(diagram);
    expect(html).toMatch(/<pre class="mermaid" id="\^flow">graph TD/);
    // Its markup is text: nothing runs, nothing is parsed as HTML.
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).not.toContain('<code');
    expect(plan.notePages.get('Diagrams.md')?.features).toEqual(['mermaid']);
  });
});

describe('a site with diagrams', () => {
  const files = {
    'Diagrams.md': source,
    'Embedding.md': '# Embedding\n\n![[Diagrams]]\n',
    'Plain.md': '# Plain\n\nNo diagram; [[Diagrams]] is linked, not embedded.\n',
  };

  it('loads the loader on pages with a diagram only, and ships it with Mermaid', async () => {
    const out = join(tempDir(), 'site');
    await build({ vault: writeVault(files), out, search: false, cache: false });
    const page = (slug: string): string => readFileSync(join(out, slug, 'index.html'), 'utf8');
    expect(page('diagrams')).toContain(LOADER);
    expect(page('embedding')).toContain(LOADER);
    expect(page('embedding')).toContain('<pre class="mermaid">graph TD');
    expect(page('plain')).not.toContain('mermaid');
    expect(readFileSync(join(out, 'assets', 'js', 'mermaid.js'), 'utf8')).toContain("securityLevel: 'strict'");
    const library = readFileSync(join(out, 'assets', 'js', 'vendor', 'mermaid.min.js'), 'utf8');
    expect(library.length).toBeGreaterThan(100_000);
  });

  it('without diagrams gets neither the loader nor Mermaid', async () => {
    const out = join(tempDir(), 'site');
    await build({ vault: writeVault({ 'Plain.md': '# Plain\n\n```js\nlet x = 1;\n```\n' }), out, search: false, cache: false });
    expect(readFileSync(join(out, 'plain', 'index.html'), 'utf8')).not.toContain('mermaid');
    expect(existsSync(join(out, 'assets', 'js', 'mermaid.js'))).toBe(false);
    expect(existsSync(join(out, 'assets', 'js', 'vendor', 'mermaid.min.js'))).toBe(false);
    // The other vendored modules are copied as always.
    expect(existsSync(join(out, 'assets', 'js', 'vendor', 'd3-force.min.js'))).toBe(true);
  });
});

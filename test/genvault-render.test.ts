// genvault's opt-in render-feature content (test/support/genvault-render.ts), as the
// benchmark's "Render features (issue 15)" section builds it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateVault } from './support/genvault.js';
import type { RenderFeatures } from './support/genvault-render.js';
import { tempDir } from './support/vault.js';

const ALL: RenderFeatures = { code: 0.2, math: 0.2, mermaid: 0.1, iframes: 0.1, pdf: 0.1, canvases: 4, bases: 3 };

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === '.expected.json' || entry.name.endsWith('.png')) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path.slice(dir.length + 1), readFileSync(path, 'latin1'));
  }
  return out;
}

function vault(render?: RenderFeatures): Map<string, string> {
  const out = join(tempDir('almanac-genvault-render-'), 'v');
  generateVault({ out, notes: 400, seed: 3, ...(render ? { features: { render } } : {}) });
  return files(out);
}

describe('genvault features.render', () => {
  const plain = vault();
  const all = vault(ALL);

  it('only appends to notes: every plain note starts every note of the feature vault', () => {
    for (const [path, text] of plain) expect(all.get(path)?.startsWith(text), path).toBe(true);
    const added = [...all.keys()].filter((path) => !plain.has(path)).sort();
    expect(added.filter((path) => path.endsWith('.md'))).toEqual([]);
    expect(added.filter((path) => path.endsWith('.canvas'))).toHaveLength(4);
    expect(added.filter((path) => path.endsWith('.base'))).toHaveLength(3);
    expect(added.filter((path) => path.endsWith('.pdf')).length).toBeGreaterThan(0);
  });

  it('plants each kind from its own stream: the all-kinds vault is the one-kind vaults together', () => {
    const code = vault({ code: ALL.code });
    const math = vault({ math: ALL.math });
    for (const [path, text] of plain) {
      const withCode = code.get(path)?.slice(text.length) ?? '';
      const withMath = math.get(path)?.slice(text.length) ?? '';
      const both = all.get(path)?.slice(text.length) ?? '';
      expect(both.startsWith(withCode + withMath), path).toBe(true);
    }
  });

  it('writes boards that parse as JSON Canvas and embeds each board and base', () => {
    const text = [...all.values()].join('\n');
    for (let k = 1; k <= 4; k++) {
      const board = all.get(`Boards/Board ${k}.canvas`) ?? '';
      expect(JSON.parse(board)).toMatchObject({ nodes: expect.any(Array), edges: expect.any(Array) });
      expect(text).toContain(`![[Board ${k}.canvas]]`);
    }
    for (let k = 1; k <= 3; k++) expect(text).toContain(`![[View ${k}.base]]`);
    expect(text).toMatch(/```(ts|py|sh|json|yaml|sql|go|rust)\n/);
    expect(text).toContain('```mermaid\n');
    expect(text).toContain('$$\n');
  });
});

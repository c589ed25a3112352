// `check` on .canvas files: the links of text and file nodes are checked like a note's and
// reported at the line of the node's `text` or `file` in the JSON; a file that is not JSON
// Canvas, or a node or edge that breaks the spec, is `invalid-canvas` at its line; and a note
// linked only from a canvas has a backlink (it is no orphan).
import { describe, expect, it } from 'vitest';
import { loadVault } from '../src/vault/load.js';
import { resolveLinks } from '../src/resolve/index.js';
import { parseCanvas } from '../src/canvas/parse.js';
import { canvasFixture } from './support/canvas.js';
import { checkFiles, lines } from './support/vault.js';
import { writeVault } from './support/vault.js';

const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('check on canvases', () => {
  it('reports a broken link in a text node at the line of its text, and an invalid canvas at the line JSON.parse stopped', async () => {
    const files = canvasFixture();
    const plan = String(files['Boards/Plan.canvas']);
    const result = await checkFiles(files);
    const canvasLines = lines(result).filter((line) => line.includes('.canvas'));
    expect(canvasLines).toEqual(
      [
        expect.stringMatching(/^Boards\/Plan\.canvas:\d+:\d+ error No note or file named “Missing Note” \[unresolved-link\]$/),
        expect.stringMatching(/^Broken\.canvas:4:3 error Not valid JSON .* \[invalid-canvas\]$/),
      ].sort((a, b) => String(a).localeCompare(String(b))) as unknown as string[],
    );
    const broken = result.problems.find((problem) => problem.rule === 'unresolved-link');
    expect(broken?.line).toBe(lineOf(plan, '"id":"broken"'));
    // The file node's `#Signals` and the text node's `[[Sector Rotation#Signals]]` resolve.
    expect(result.problems.filter((problem) => problem.file === 'Boards/Plan.canvas')).toHaveLength(1);
  });

  it('reports a missing heading of a file node at its `file` line, and nodes and edges that break the spec', async () => {
    const canvas = [
      '{"nodes": [',
      '  {"id": "a", "type": "file", "x": 0, "y": 0, "width": 10, "height": 10,',
      '   "file": "Note.md", "subpath": "#Nowhere"},',
      '  {"id": "b", "type": "text", "x": 0, "y": 0, "width": 10, "height": 10, "text": "x", "color": "red; background: url(x)"},',
      '  {"id": "c", "type": "shape", "x": 0, "y": 0, "width": 10, "height": 10},',
      '  {"id": "d", "type": "text", "x": 1e400, "y": 0, "width": 10, "height": 10, "text": "far"}',
      '], "edges": [',
      '  {"id": "e", "fromNode": "a", "toNode": "zzz"}',
      ']}',
    ].join('\n');
    const result = await checkFiles({ 'Board.canvas': canvas, 'Note.md': '# Note\n\n## Here\n' });
    expect(lines(result)).toEqual([
      'Board.canvas:3:12 error No heading “Nowhere” in “Note” [unresolved-heading]',
      expect.stringMatching(/^Board\.canvas:4:3 error Node 2 is left out: `color`: a colour is "1" to "6" or a hex colour/),
      expect.stringMatching(/^Board\.canvas:5:3 error Node 3 is left out: /),
      expect.stringMatching(/^Board\.canvas:6:3 error Node 4 is left out: `x`: /),
      'Board.canvas:8:3 error Edge “e” is left out: no node “zzz” [invalid-canvas]',
    ] as unknown as string[]);
  });

  it('a file that is a list, or empty, or `{}`', async () => {
    expect(parseCanvas('a.canvas', '[1, 2]').invalid).toMatch(/a list, not an object/);
    expect(parseCanvas('a.canvas', '').issues).toEqual([]);
    expect(parseCanvas('a.canvas', '{}').issues).toEqual([]);
    expect(parseCanvas('a.canvas', '{"nodes": 3}').invalid).toMatch(/^Not JSON Canvas: `nodes`/);
  });

  it('links from a canvas are backlinks of their targets (text and file nodes), so the target is no orphan', async () => {
    const dir = writeVault({
      'Board.canvas': JSON.stringify({
        nodes: [
          { id: 't', type: 'text', x: 0, y: 0, width: 10, height: 10, text: 'About [[Linked]].' },
          { id: 'f', type: 'file', x: 0, y: 0, width: 10, height: 10, file: 'Filed.md' },
        ],
      }),
      'Linked.md': '# Linked\n',
      'Filed.md': '# Filed\n',
      'Alone.md': '# Alone\n',
    });
    const graph = resolveLinks(await loadVault(dir));
    expect(graph.backlinks.get('Linked.md')?.map((link) => [link.source, link.link.context])).toEqual([['Board.canvas', 'About Linked.']]);
    expect(graph.backlinks.get('Filed.md')?.map((link) => link.source)).toEqual(['Board.canvas']);
    const result = await checkFiles(
      {
        'Board.canvas': JSON.stringify({ nodes: [{ id: 't', type: 'text', x: 0, y: 0, width: 10, height: 10, text: '[[Linked]]' }] }),
        'Linked.md': '# Linked\n',
        'index.md': '# Home\n',
      },
      'rules: {orphan-note: info}',
    );
    expect(lines(result)).toEqual([]);
  });

  it('survives hostile files: deep nesting, huge node lists, scripts in text', () => {
    const deep = `{"nodes": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect(parseCanvas('deep.canvas', deep).issues.map((issue) => issue.message)).toEqual([expect.stringMatching(/^Node 1 is left out/)]);
    expect(parseCanvas('deep.canvas', `{"nodes": [${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}]}`).nodes).toEqual([]);
    const many = JSON.stringify({
      nodes: Array.from({ length: 5_010 }, (_, index) => ({ id: `n${index}`, type: 'text', x: 0, y: 0, width: 1, height: 1, text: '' })),
    });
    const parsed = parseCanvas('many.canvas', many);
    expect(parsed.nodes).toHaveLength(5_000);
    expect(parsed.issues.map((issue) => issue.message)).toEqual(['Over 5000 nodes: the rest are left out']);
    const deepText = parseCanvas('t.canvas', JSON.stringify({ nodes: [{ id: 'x', type: 'text', x: 0, y: 0, width: 1, height: 1, text: '>'.repeat(5000) }] }));
    expect(deepText.nodes).toHaveLength(1);
  });
});

// The graph data (src/publish/pages/graph-data.ts): graph.json in its compact form (each node
// once as [slug, title, type], links as index pairs, no URL), and each note page's own
// neighbourhood, inlined: a hub's holds its LOCAL_LIMIT strongest neighbours, not all of them,
// and its JSON cannot end or change the <script> it sits in.
import { describe, expect, it } from 'vitest';
import { DEGREE_CAP, globalGraph, inlineJson, LOCAL_LIMIT, localGraph, siteGraph, type LocalGraph } from '../src/publish/pages/graph-data.js';
import { planNotes } from './support/render-plan.js';
import { decodeGraph } from './support/graph-json.js';

const pad = (n: number): string => String(n).padStart(3, '0');

/** Hub, linked from 100 spokes; Hub links back to spokes 50 and 70; spoke 3 has two more links; spokes 1 and 2 link each other. */
function hubVault(): Record<string, string> {
  const files: Record<string, string> = { 'Hub.md': '---\ntype: concept\n---\n# Hub\n\nSee [[Spoke 050]] and [[Spoke 070]], and [[Hub]] itself.\n' };
  for (let i = 1; i <= 100; i++) {
    const extra = i === 1 ? ' and [[Spoke 002]]' : i === 2 ? ' and [[Spoke 001]]' : '';
    files[`Spoke ${pad(i)}.md`] = `---\ntype: company\n---\n# Spoke ${pad(i)}\n\nPart of [[Hub]]${extra}. Also [[Nowhere]].\n`;
  }
  files['Fan A.md'] = '# Fan A\n\nLikes [[Spoke 003]].\n';
  files['Fan B.md'] = '# Fan B\n\nLikes [[Spoke 003]] too.\n';
  return files;
}

const plan = planNotes(hubVault());
const graph = siteGraph(plan.site, plan.index);

describe('graph.json', () => {
  const data = globalGraph(graph);

  it('holds every published note once, as [slug, title, type index], and no URL', () => {
    expect(data.version).toBe(2);
    expect(data.types).toEqual(['company', 'concept']);
    expect(data.nodes).toHaveLength(103);
    expect(data.nodes).toContainEqual(['hub', 'Hub', 1]);
    expect(data.nodes).toContainEqual(['spoke-001', 'Spoke 001', 0]);
    expect(data.nodes).toContainEqual(['fan-a', 'Fan A', -1]);
    const text = JSON.stringify(data);
    expect(text.match(/"Spoke 001"/g)).toHaveLength(1);
    expect(text).not.toContain('/spoke-001/');
  });

  it('holds each link once as an index pair, neither self-links nor broken links', () => {
    // 100 spokes' links to Hub (two of them both ways), spoke 1 ↔ 2, two fans to spoke 3.
    expect(data.links).toHaveLength(2 * 103);
    for (let i = 0; i < data.links.length; i += 2) expect(data.links[i]).toBeLessThan(data.links[i + 1] ?? -1);
    const read = decodeGraph(data, '/sub/');
    expect(read.nodes.find((node) => node.id === 'hub')?.url).toBe('/sub/hub/');
    expect(read.linked('spoke-050', 'hub')).toBe(true);
    expect(read.linked('hub', 'hub')).toBe(false);
    expect(new Set(read.links.map(({ source, target }) => `${source} ${target}`)).size).toBe(103);
  });
});

describe("a note page's local graph", () => {
  const hub = localGraph(graph, 'hub');

  it('holds a hub and its LOCAL_LIMIT strongest neighbours: linked both ways first, then the best connected', () => {
    expect(hub.total).toBe(100);
    expect(hub.nodes).toHaveLength(LOCAL_LIMIT + 1);
    expect(hub.nodes[0]).toEqual(['hub', 'Hub', hub.types.indexOf('concept'), DEGREE_CAP]);
    expect(hub.nodes.slice(1, 6).map(([slug]) => slug)).toEqual(['spoke-050', 'spoke-070', 'spoke-003', 'spoke-001', 'spoke-002']);
    expect(hub.nodes[3]?.[3]).toBe(3);
    // Then by slug: spokes 4 to 38 fill the other 35 places.
    expect(hub.nodes[6]?.[0]).toBe('spoke-004');
    expect(hub.nodes.at(-1)?.[0]).toBe(`spoke-${pad(LOCAL_LIMIT - 2)}`);
  });

  it('writes the links between neighbours, the spokes to the note left implied', () => {
    // Spoke 1 ↔ 2 only: the fans are not on the hub's page.
    expect(hub.links).toEqual([4, 5]);
  });

  it('is small for a hub, and the page holds it: JSON that reads back as it was', () => {
    const page = plan.notePages.get('Hub.md');
    expect(page?.localGraph).toBe(inlineJson(hub));
    expect(JSON.parse(page?.localGraph ?? '') as LocalGraph).toEqual(hub);
    expect(page?.localGraph?.length).toBeLessThan(2_500);
  });

  it("holds a spoke's whole neighbourhood: the hub and the links among its neighbours", () => {
    const spoke = localGraph(graph, 'spoke-001');
    expect(spoke.nodes.map(([slug]) => slug)).toEqual(['spoke-001', 'spoke-002', 'hub']);
    expect(spoke.links).toEqual([1, 2]);
    expect(spoke.total).toBe(2);
    expect(localGraph(graph, 'fan-a')).toMatchObject({
      nodes: [
        ['fan-a', 'Fan A', -1, 1],
        ['spoke-003', 'Spoke 003', 0, 3],
      ],
      links: [],
      total: 1,
    });
  });
});

describe('inline JSON', () => {
  it('cannot close or comment out its <script>, and keeps U+2028 out of the page', () => {
    const title = 'A </script><script>alert(1)</script> <!-- & \u2028\u2029 > done';
    const text = inlineJson({ title });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ title });
  });

  it('escapes a title so in a built page', () => {
    const sneaky = planNotes({ 'A.md': '---\ntitle: A </script><!-- x\n---\nSee [[B]].\n', 'B.md': '# B\n\nBack to [[A]].\n' });
    const data = sneaky.notePages.get('B.md')?.localGraph ?? '';
    expect(data).toContain('"A \\u003c/script\\u003e\\u003c!-- x"');
    expect(data).not.toContain('<');
  });
});

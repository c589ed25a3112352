// A page per published .canvas file, built from test/fixtures/canvas/: nodes at their positions,
// text cards rendered and sanitised as notes are, file cards as embeds, link cards, a labelled
// group, edges as SVG paths with arrows and labels; links to and embeds of the canvas land on
// its page; its links are backlinks of their targets and graph edges; the build warns about
// its broken links and an invalid canvas, whose page says so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/publish/index.js';
import { setThreadMode } from '../src/threads/mode.js';
import type { BuildResult } from '../src/publish/build/build-options.js';
import { canvasFixture } from './support/canvas.js';
import { tempDir, writeVault } from './support/vault.js';
import { readGraphJson } from './support/graph-json.js';

let result: BuildResult;
let out: string;
const page = (path: string): string => readFileSync(join(out, path), 'utf8');

beforeAll(async () => {
  // site.url: the sitemap, which lists canvas pages, is written only with it.
  const files = Object.entries(canvasFixture()).map(([path, content]) => [`vault/${path}`, content]);
  const dir = writeVault({ 'almanac.yaml': 'vault: vault\nsite: {url: "https://me.example"}\n', ...Object.fromEntries(files) });
  out = join(tempDir(), 'site');
  result = await build({ config: join(dir, 'almanac.yaml'), out, search: true, today: '2026-01-20' });
}, 60_000);

describe('canvas pages', () => {
  it('lays out every node at its place on a board, groups behind the cards', () => {
    const html = page('boards/plan-canvas/index.html');
    expect(html).toContain('<h1>Plan</h1>');
    // The page counts what the embed card counts, with one separator.
    expect(html).toContain('<p class="note-meta"><span class="canvas-kind">Canvas · 6 cards · 3 connections</span></p>');
    // Board origin: the group's corner (-40, -60) less 40 of padding.
    expect(html).toMatch(/class="canvas-board" style="width:1160px;height:500px"/);
    expect(html).toMatch(
      /<div class="canvas-node canvas-node-group canvas-color canvas-color-4" style="left:40px;top:40px;width:760px;height:420px" data-node-id="group1"><div class="canvas-group-label">Research plan<\/div>/,
    );
    expect(html).toMatch(
      /class="canvas-node canvas-node-text canvas-color canvas-color-1" style="left:80px;top:100px;width:300px;height:160px" data-node-id="intro"/,
    );
    expect(html).toMatch(/style="left:80px;top:320px;width:300px;height:100px;--canvas-color:#22aa88" data-node-id="site"/);
    expect(html.indexOf('data-node-id="group1"')).toBeLessThan(html.indexOf('data-node-id="intro"'));
  });

  it('renders text cards as Markdown with links, callouts, tags and highlights', () => {
    const html = page('boards/plan-canvas/index.html');
    expect(html).toContain('<a class="internal" href="/sector-rotation/" data-slug="sector-rotation">Sector Rotation</a>');
    expect(html).toContain('href="/sector-rotation/#signals"');
    expect(html).toMatch(/<div class="callout" data-callout="note">/);
    expect(html).toContain('<mark>highlight</mark>');
    expect(html).toMatch(/<a class="tag" href="\/tags\/canvas-tag\/">#canvas-tag<\/a>/);
    expect(html).toContain('<span class="unresolved" title="Missing note">Missing Note</span>');
  });

  it('file cards embed the note section and the image; link cards show the URL', () => {
    const html = page('boards/plan-canvas/index.html');
    const noteCard = html.slice(html.indexOf('data-node-id="note"'), html.indexOf('data-node-id="chart"'));
    expect(noteCard).toContain('Sector Rotation › Signals');
    expect(noteCard).toContain('Yield curve and breadth.');
    expect(noteCard).not.toContain('More text.');
    expect(html).toMatch(/data-node-id="chart"><div class="canvas-card-content"><p><img src="\/files\/chart\.png" alt="chart"/);
    expect(html).toContain(
      '<a class="canvas-link-url" href="https://jsoncanvas.org/spec/1.0/" rel="noopener noreferrer nofollow">https://jsoncanvas.org/spec/1.0/</a>',
    );
  });

  it('draws each edge as an SVG path, with arrows where the edge has them, and its label', () => {
    const html = page('boards/plan-canvas/index.html');
    expect(html.match(/<path d="M [^"]+" class="canvas-edge-path"/g)).toHaveLength(3);
    // e1 leaves intro's right side (380, 180) for note's left side (480, 200), in board coordinates.
    expect(html).toMatch(/data-edge-id="e1"><path d="M 380 180 C [^"]*, 480 200"/);
    const e2 = html.slice(html.indexOf('data-edge-id="e2"'), html.indexOf('data-edge-id="e3"'));
    expect(e2).toContain('canvas-arrow-start');
    expect(e2).not.toContain('canvas-arrow-end');
    expect(html).toContain('<g class="canvas-edge canvas-color canvas-color-2" data-edge-id="e2">');
    expect(html.match(/canvas-arrow-end/g)).toHaveLength(2);
    expect(html).toMatch(/<text x="[\d.]+" y="[\d.]+" class="canvas-edge-label"[^>]*>then read<\/text>/);
  });

  it('keeps script out: no <script>, handler or javascript: URL from a card survives', () => {
    const html = page('boards/plan-canvas/index.html');
    const evil = html.slice(html.indexOf('data-node-id="evil"'));
    expect(evil).not.toMatch(/<script|onerror|href="javascript:|style="color/i);
    expect(evil).toContain('<p><a>click</a> <img src="x"> <a>x</a></p>');
  });

  it('links to and embeds of the canvas land on its page; the canvas is a backlink and a graph node', () => {
    const home = page('home/index.html');
    expect(home).toContain('<a class="internal canvas-link" href="/boards/plan-canvas/">Plan.canvas</a>');
    expect(home).toMatch(
      /<span class="embed embed-canvas"><a class="internal embed-canvas-title" href="\/boards\/plan-canvas\/">Plan<\/a><span class="embed-canvas-meta">Canvas · 6 cards · 3 connections<\/span>/,
    );
    expect(home).not.toContain('files/boards/plan.canvas');
    const target = page('sector-rotation/index.html');
    const backlinks = target.slice(target.indexOf('class="backlinks"'));
    expect(backlinks).toContain('<a class="internal" href="/boards/plan-canvas/" data-slug="boards/plan-canvas">Plan</a>');
    expect(backlinks).toContain('Read Sector Rotation first, then the signals.');
    expect(page('boards/plan-canvas/index.html')).toMatch(
      /<h2 id="backlinks">Backlinks <span class="backlinks-count">1<\/span><\/h2><\/summary>\s*<ul>\s*<li><a class="internal" href="\/home\/"/,
    );
    const graph = readGraphJson(out);
    expect(graph.nodes.map((node) => node.id)).toContain('boards/plan-canvas');
    expect(graph.linked('boards/plan-canvas', 'sector-rotation')).toBe(true);
    expect(graph.linked('home', 'boards/plan-canvas')).toBe(true);
    expect(page('sitemap.xml')).toContain('/boards/plan-canvas/');
  });

  it('warns about the broken link and the invalid canvas, whose page says it could not be read', () => {
    const warnings = result.warnings.map((warning) => `${warning.file}:${warning.line} ${warning.rule}`);
    expect(warnings).toContain('Boards/Plan.canvas:8 unresolved-link');
    expect(warnings).toContain('Broken.canvas:4 invalid-canvas');
    const broken = page('broken-canvas/index.html');
    expect(broken).toContain('This canvas could not be read');
    expect(broken).toContain('Not valid JSON');
    expect(broken).not.toContain('canvas-board');
  });
});

describe('canvas pages with note workers', () => {
  it('render the same as in one thread: the notes the cards embed are parsed again where the canvas renders', async () => {
    const files: Record<string, string | Buffer> = canvasFixture();
    for (let index = 0; index < 300; index++) files[`Filler/Note ${index}.md`] = `# Note ${index}\n\nText.\n`;
    const vault = writeVault(files);
    const threaded = join(tempDir(), 'site');
    const previous = setThreadMode('threads');
    try {
      await build({ vault, out: threaded, search: false, today: '2026-01-20' });
    } finally {
      setThreadMode(previous);
    }
    const single = join(tempDir(), 'site');
    setThreadMode('in-thread');
    try {
      await build({ vault, out: single, search: false, today: '2026-01-20' });
    } finally {
      setThreadMode(previous);
    }
    const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8');
    const html = read(threaded, 'boards/plan-canvas/index.html');
    expect(html).toContain('Yield curve and breadth.');
    expect(html).toContain('href="/sector-rotation/#signals"');
    expect(html).toBe(read(single, 'boards/plan-canvas/index.html'));
    expect(read(threaded, 'home/index.html')).toBe(read(single, 'home/index.html'));
  }, 120_000);
});

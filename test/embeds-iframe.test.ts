// Iframes (publish/render/embed/iframes.ts, iframe-hosts.ts): kept only on an https host of the
// embed allowlist or of site.embeds, rebuilt with Almanac's sandbox; every other one removed
// with a blocked-iframe warning at the note's line, wherever it was written.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../src/publish/index.js';
import { parseConfig } from '../src/config/load.js';
import { judgeFrameSrc, filterAllow } from '../src/publish/render/embed/iframe-hosts.js';
import { setThreadMode } from '../src/threads/mode.js';
import { pageHtml, planNotes, renderFixture } from './support/render-plan.js';
import { tempDir, writeVault } from './support/vault.js';

const source = renderFixture('iframes.md');
const EMBEDDED = 'Inside\n\n<iframe src="https://evil.example/embedded"></iframe>\n\n<iframe src="https://www.youtube.com/embed/inner"></iframe>\n';
const plan = planNotes({ 'Frames.md': source, 'Embedded.md': EMBEDDED }, { site: { embeds: ['embed.example.org'] } });
const page = pageHtml(plan, 'Frames.md');

function frames(html: string): string[] {
  return html.match(/<iframe[^>]*>/gi) ?? [];
}

/** The fixture's line holding `text`. */
function lineOf(text: string): number {
  return source.split('\n').findIndex((line) => line.includes(text)) + 1;
}

describe('iframes in notes', () => {
  it('keeps allowlisted players, rebuilt from allowed attributes with sandbox, lazy loading and a referrer policy', () => {
    const [youtube] = frames(page);
    expect(youtube).toBe(
      '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=x" width="560" height="315" title="Video" allow="accelerometer; autoplay; encrypted-media" allowfullscreen sandbox="allow-scripts allow-same-origin allow-popups allow-presentation" loading="lazy" referrerpolicy="strict-origin-when-cross-origin">',
    );
    expect(page).toContain('src="https://player.vimeo.com/video/76979871" width="640" height="360"');
    expect(page).toContain('src="https://www.google.com/maps/embed?pb=!1m18"');
  });

  it('drops event handlers, styles, the note own sandbox and referrer policy, and camera/microphone/geolocation', () => {
    expect(page).not.toMatch(/onload|style=|frameborder|allow-top-navigation|unsafe-url|camera|microphone|geolocation|eager/);
  });

  it('Google Docs frames may submit forms; no other host gets allow-forms', () => {
    const docs = frames(page).filter((frame) => frame.includes('docs.google.com'));
    expect(docs).toHaveLength(1);
    expect(docs[0]).toContain('allow-forms');
    expect(frames(page).filter((frame) => frame.includes('allow-forms'))).toHaveLength(1);
  });

  it('keeps a host site.embeds adds, and only with it', () => {
    expect(page).toContain('src="https://embed.example.org/widget"');
    const without = pageHtml(planNotes({ 'Frames.md': source, 'Embedded.md': EMBEDDED }), 'Frames.md');
    expect(without).not.toContain('embed.example.org');
  });

  it('every iframe left is https on an allowed host: no bypass survives', () => {
    const hosts = frames(page).map((frame) => new URL(/src="([^"]+)"/.exec(frame)?.[1] ?? 'x:').hostname);
    expect(hosts).toEqual([
      'www.youtube.com',
      'player.vimeo.com',
      'www.google.com',
      'docs.google.com',
      'www.youtube.com',
      'embed.example.org',
      'www.youtube.com',
    ]);
    expect(page).not.toMatch(/evil|srcdoc|javascript:|data:|<script|insecure|:8443/i);
  });

  it('warns for each removed iframe with the note and its line, in callouts and tables too', () => {
    const warnings = plan.warnings.get('Frames.md') ?? [];
    const blocked = warnings.filter((warning) => warning.rule === 'blocked-iframe');
    expect(blocked.map((warning) => warning.line)).toEqual(
      [
        'evil.example/frame',
        'evil.example/upper',
        'evil.example/entities',
        '//evil.example/protocol-relative',
        'youtube.com.evil.com',
        'youtube.com@evil.com',
        'watch?v=notanembed',
        'javascript:',
        'data:text/html',
        'srcdoc=',
        'embed/insecure',
        ':8443',
        'evil.example/callout',
        'evil.example/table',
      ].map(lineOf),
    );
    expect(blocked.every((warning) => warning.file === 'Frames.md')).toBe(true);
    expect(blocked[0]?.message).toBe('Removed an iframe: evil.example is not on the embed allowlist (add it to site.embeds in almanac.yaml to keep it)');
    expect(blocked.find((warning) => warning.line === lineOf('youtube.com@evil.com'))?.message).toContain('user name');
    // The sanitizer drops a javascript: src before the allowlist sees it: say so, not just "no src".
    expect(blocked.find((warning) => warning.line === lineOf('javascript:'))?.message).toContain('javascript:, data: or empty src');
  });

  it('an embedded note iframes are judged too, and warned about on its own page only', () => {
    const embed = page.slice(page.indexOf('<div class="embed"'));
    expect(embed).toContain('src="https://www.youtube.com/embed/inner"');
    expect(embed).not.toContain('evil');
    expect((plan.warnings.get('Frames.md') ?? []).some((warning) => warning.message.includes('embedded'))).toBe(false);
    const own = (plan.warnings.get('Embedded.md') ?? []).filter((warning) => warning.rule === 'blocked-iframe');
    expect(own.map((warning) => [warning.file, warning.line])).toEqual([['Embedded.md', 3]]);
    expect(page).not.toContain('data-almanac-embedded');
  });

  it('a note cannot forge the embedded mark to hide an iframe from the warnings', () => {
    const forged = planNotes({ 'F.md': '<div data-almanac-embedded="embedded-x">\n<iframe src="https://evil.example/f"></iframe>\n</div>\n' });
    expect(pageHtml(forged, 'F.md')).not.toContain('iframe');
    expect((forged.warnings.get('F.md') ?? []).map((warning) => warning.rule)).toEqual(['blocked-iframe']);
  });
});

describe('the allowlist', () => {
  it.each([
    ['https://www.youtube-nocookie.com/embed/x', true],
    ['https://WWW.YOUTUBE.COM/embed/x', true],
    ['//www.youtube.com/embed/x', true],
    ['https://open.spotify.com/embed/track/1', true],
    ['https://www.loom.com/embed/abc', true],
    ['https://www.figma.com/embed?embed_host=share', true],
    ['https://codepen.io/team/embed/abc', true],
    ['https://www.youtube.com\\@evil.com/embed/x', false],
    ['https://www.youtube.com%2eevil.com/embed/x', false],
    ['https://www.youtube.com./embed/x', false],
    ['https://user:pass@www.youtube.com/embed/x', false],
    ['https://www.google.com/search?q=x', false],
    ['https://open.spotify.com/track/1', false],
    ['/files/page.html', false],
    ['java\nscript:alert(1)', false],
    ['', false],
  ])('%s → %s', (src, ok) => {
    expect(judgeFrameSrc(src, []).ok).toBe(ok);
  });

  it('allow keeps only harmless features, without origin lists', () => {
    expect(filterAllow("camera *; autoplay 'src' https://evil.example; fullscreen; payment; autoplay")).toBe('autoplay; fullscreen');
    expect(filterAllow('camera; microphone')).toBeNull();
  });

  it('site.embeds takes host names only', () => {
    expect(parseConfig('site:\n  embeds: [Embed.Example.org]\n').site.embeds).toEqual(['embed.example.org']);
    for (const bad of ['https://embed.example.org', 'embed.example.org/path', 'embed.example.org:8080', 'localhost', '*.example.org']) {
      expect(() => parseConfig(`site:\n  embeds: [${JSON.stringify(bad)}]\n`), bad).toThrow();
    }
  });
});

describe('iframes in a real build', () => {
  it('site.embeds reaches the note workers, and warnings reach the build summary', async () => {
    const files: Record<string, string> = {
      'almanac.yaml': 'vault: vault\nsite:\n  embeds: [embed.example.org]\n',
      'vault/Frames.md': '# Frames\n\n<iframe src="https://embed.example.org/w"></iframe>\n\n<iframe src="https://evil.example/x"></iframe>\n',
    };
    for (let index = 0; index < 300; index++) files[`vault/Filler/Note ${index}.md`] = `# Note ${index}\n\nText.\n`;
    const dir = writeVault(files);
    const previous = setThreadMode('threads');
    let summary: Awaited<ReturnType<typeof build>>;
    const out = join(tempDir(), 'site');
    try {
      summary = await build({ cwd: dir, out, search: false, cache: false });
    } finally {
      setThreadMode(previous);
    }
    const html = readFileSync(join(out, 'frames/index.html'), 'utf8');
    expect(html).toContain('<iframe src="https://embed.example.org/w" sandbox=');
    expect(html).not.toContain('evil.example');
    expect(summary.warnings.filter((warning) => warning.rule === 'blocked-iframe').map((warning) => [warning.file, warning.line])).toEqual([['Frames.md', 5]]);
  }, 120_000);
});

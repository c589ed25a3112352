// `![](video or post URL)` (publish/render/embed/media.ts) and PDF embeds (embeds.ts): players as
// Obsidian shows them, posts as link cards, PDFs in the browser's viewer with a download link.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../src/publish/index.js';
import { startSeconds, youtubePlayer } from '../src/publish/render/embed/media.js';
import { pageHtml, planNotes, renderFixture } from './support/render-plan.js';
import { tempDir, writeVault } from './support/vault.js';

const PLAYER = /<iframe src="([^"]+)"/g;

describe('video and post URLs as embeds', () => {
  const plan = planNotes({ 'Media.md': renderFixture('youtube.md') });
  const page = pageHtml(plan, 'Media.md');
  const players = Array.from(page.matchAll(PLAYER), (match) => match[1]);

  it('YouTube watch, youtu.be and shorts URLs become the youtube-nocookie player, with start times', () => {
    expect(players.slice(0, 5)).toEqual([
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42',
      'https://www.youtube-nocookie.com/embed/abcdefghijk',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    ]);
    // Only the logo and the URL whose id is not one stay images.
    expect(page.match(/<img /g)).toHaveLength(2);
    expect(page).not.toContain('<img src="https://youtu.be');
  });

  it('players are sandboxed, lazy, titled by the alt text, sized by |WxH', () => {
    expect(page).toContain('title="Start later"');
    expect(page).toContain('width="400" height="225" title="YouTube video"');
    const frames = page.match(/<iframe[^>]*>/g) ?? [];
    expect(frames).toHaveLength(6);
    for (const frame of frames) {
      expect(frame).toContain('sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"');
      expect(frame).toContain('loading="lazy"');
      expect(frame).toContain('allowfullscreen');
    }
  });

  it('Vimeo becomes its player', () => {
    expect(players[5]).toBe('https://player.vimeo.com/video/76979871');
  });

  it('posts on X/Twitter become a link card, with no script', () => {
    expect(page).toContain(
      '<a class="embed-card embed-tweet" href="https://twitter.com/obsdmd/status/1580548874246864896"><span class="embed-card-title">Post by @obsdmd</span>',
    );
    expect(page).toContain('href="https://x.com/obsdmd/status/1580548874246864896"><span class="embed-card-title">Announcement</span>');
    expect(page).not.toMatch(/<script|platform\.twitter|widgets\.js/);
  });

  it('other images stay images, and a URL with no valid video id too', () => {
    expect(page).toContain('<img src="https://example.com/logo.png" alt="Logo">');
    expect(page).toContain('<img src="https://www.youtube.com/watch?v=bad%22id"');
  });

  it('YouTube addresses and start times', () => {
    expect(youtubePlayer(new URL('https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PL123_x'))).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?list=PL123_x',
    );
    expect(youtubePlayer(new URL('https://www.youtube.com/playlist?list=PL1'))).toBe('https://www.youtube-nocookie.com/embed/videoseries?list=PL1');
    expect(youtubePlayer(new URL('https://www.youtube.com/live/dQw4w9WgXcQ'))).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(youtubePlayer(new URL('https://www.youtube.com/channel/UC1'))).toBeNull();
    expect([startSeconds('90'), startSeconds('1h2m3s'), startSeconds('2m'), startSeconds('soon'), startSeconds(null)]).toEqual([90, 3723, 120, 0, 0]);
  });
});

describe('PDF embeds', () => {
  const plan = planNotes({ 'Docs.md': renderFixture('pdf.md') }, { attachments: ['report.pdf', 'other.html'] });
  const page = pageHtml(plan, 'Docs.md');

  it('embed the copied file in an iframe, honouring #page and #height, with a download link', () => {
    const embeds = page.match(/<span class="embed-pdf">.*?<\/span>/g) ?? [];
    expect(embeds).toEqual([
      '<span class="embed-pdf"><iframe src="/files/report.pdf" title="report.pdf" loading="lazy"></iframe><a class="attachment" href="/files/report.pdf">Download report.pdf</a></span>',
      '<span class="embed-pdf"><iframe src="/files/report.pdf#page=3" title="report.pdf" loading="lazy"></iframe><a class="attachment" href="/files/report.pdf">Download report.pdf</a></span>',
      '<span class="embed-pdf"><iframe src="/files/report.pdf" height="400" title="report.pdf" loading="lazy"></iframe><a class="attachment" href="/files/report.pdf">Download report.pdf</a></span>',
      '<span class="embed-pdf"><iframe src="/files/report.pdf#page=2" height="250" title="report.pdf" loading="lazy"></iframe><a class="attachment" href="/files/report.pdf">Download report.pdf</a></span>',
    ]);
  });

  it('a missing PDF is marked missing', () => {
    expect(page).toContain('<span class="unresolved" title="Missing file">missing.pdf</span>');
  });

  it('a raw iframe may show a published PDF, but no other same-site file', () => {
    expect(page).toContain('<iframe src="/files/report.pdf#page=5" height="300" loading="lazy"></iframe>');
    expect(page).not.toContain('other.html');
    expect((plan.warnings.get('Docs.md') ?? []).filter((warning) => warning.rule === 'blocked-iframe').map((warning) => warning.line)).toEqual([15]);
  });

  it('audio and video embeds are as before', () => {
    const media = pageHtml(planNotes({ 'M.md': '![[a.mp3]]\n\n![[v.mp4]]\n' }, { attachments: ['a.mp3', 'v.mp4'] }), 'M.md');
    expect(media).toBe(
      '<p><audio src="/files/a.mp3" controls preload="metadata"></audio></p>\n<p><video src="/files/v.mp4" controls preload="metadata"></video></p>',
    );
  });

  it('in a built site the PDF is copied where the embed points', async () => {
    const vault = writeVault({ 'Docs.md': '# Docs\n\n![[report.pdf#page=2]]\n', 'report.pdf': '%PDF-1.4\n%%EOF\n' });
    const out = join(tempDir(), 'site');
    await build({ vault, out, search: false, cache: false });
    const html = readFileSync(join(out, 'docs/index.html'), 'utf8');
    const src = /<iframe src="([^"#]+)#page=2"/.exec(html)?.[1];
    expect(src).toBe('/files/report.pdf');
    expect(existsSync(join(out, 'files/report.pdf'))).toBe(true);
  }, 60_000);
});

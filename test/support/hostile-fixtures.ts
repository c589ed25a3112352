// Hostile notes and attachments shared by test/hostile-render.test.ts and test/hostile-workers.test.ts.
import { expect } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { MAX_NESTING } from '../../src/parse/nesting.js';

export const EVIL_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY lol "lol"> ]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 10 10" onload="alert(1)" inkscape:version="1.0">
  <script>alert(2)</script>
  <style><![CDATA[ .a { fill: red } </style><script>alert(10)</script> ]]></style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
  <rect class="a" width="10" height="10" fill="url(#g)" onclick="alert(3)" OnMouseOver="alert(11)"/>
  <a xlink:href="javascript:alert(4)"><text x="1" y="5">&xxe; &lol; fine</text></a>
  <a href="java&#x09;script:alert(12)"><circle r="1"/></a>
  <foreignObject><iframe src="javascript:alert(5)"></iframe><body onload="alert(13)"/></foreignObject>
  <use href="https://evil.example/x.svg#a"/><use xlink:href="#g"/>
  <image href="data:image/png;base64,AAAA"/><image href="data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg=="/>
  <animate attributeName="href" to="javascript:alert(7)"/>
  <set attributeName="onmouseover" to="alert(8)"/>
</svg>`;

export const EVIL_HTML = '<!doctype html><script>alert(document.cookie)</script>';

/** Nothing in `svg` (as written to the site) runs script. */
export function expectInert(svg: string): void {
  expect(svg).not.toMatch(/<script/i);
  expect(svg).not.toMatch(/\son[a-z]+\s*=/i);
  expect(svg).not.toMatch(/foreignObject|<iframe|<body|<animate|<set/i);
  expect(svg).not.toMatch(/javascript|java\s*script|data:text/i);
  expect(svg).not.toContain('evil.example');
  expect(svg).not.toMatch(/ENTITY|passwd|inkscape/i);
}

export const USER_IDS_NOTE = `# Page

## Intro

Text[^1], [to five](#page-5), [to intro](#intro) and [[#Intro]].

<a id="search" name="top">box</a> <span id="page-5">five</span> <a href="#search">to the box</a> <h2 id="intro">fake intro</h2>

A block. ^blk

[^1]: A footnote.
`;

/** Ids and fragment links on a written page: user ids prefixed, Almanac's own kept, links landing. */
export function expectIds(page: string): void {
  const tree = fromHtml(page);
  const ids = selectAll('[id]', tree).map((element) => String(element.properties.id));
  // The layout's search box keeps its id; the note's <a id="search"> is prefixed.
  expect(ids.filter((id) => id === 'search')).toHaveLength(1);
  expect(ids).toContain('user-content-search');
  expect(page).toContain('name="user-content-top"');
  expect(ids.filter((id) => id === 'intro')).toHaveLength(1);
  expect(ids).toContain('user-content-intro');
  expect(ids).toContain('^blk');
  // Every fragment link on the page lands on an id the page has.
  const content = selectAll('main a[href^="#"], article a[href^="#"]', tree).map((a) => String(a.properties.href));
  expect(content).toEqual(expect.arrayContaining(['#user-content-page-5', '#user-content-search', '#user-content-fn-1', '#user-content-fnref-1']));
  for (const href of content) expect(ids).toContain(decodeURIComponent(href.slice(1)));
  expect(selectAll('a[href="/page/#intro"]', tree)).toHaveLength(2);
}

export const indented = (levels: number): string => Array.from({ length: levels }, (_, level) => `${' '.repeat(level * 2)}- item ${level}`).join('\n');

/** Each shape crashed `check` or `build` (or took 40 s) before nesting was capped. */
export const HOSTILE: Record<string, string> = {
  'dashes.md': `${'- '.repeat(1000)}x`,
  'dashes-2000.md': `${'- '.repeat(2000)}x`,
  'ordered.md': '1. '.repeat(10_000),
  'divs.md': `${'<div>'.repeat(3000)}x${'</div>'.repeat(3000)}`,
  'indented.md': `---\ntitle: Indented\n---\n${indented(1000)}`,
  // The source check cannot see these divs (a `<` in a quoted attribute): rendering catches them.
  // 20,000 of them: a worker thread's stack is larger than the main thread's.
  'sneaky-divs.md': `${'<div title="<">'.repeat(20_000)}x${'</div>'.repeat(20_000)}`,
};

/** File line each shape is reported at (the indented list: its first line past the cap, after 3 lines of frontmatter). */
export const LINES: Record<string, number> = { 'dashes.md': 1, 'dashes-2000.md': 1, 'ordered.md': 1, 'divs.md': 1, 'indented.md': 3 + MAX_NESTING + 1 };

export const GOOD = { 'Good.md': '# Good\n\nLinks to [[dashes]] and [[Other#Part]].\n', 'Other.md': '# Other\n\n## Part\n\n- a\n  - b\n    - c\n' };

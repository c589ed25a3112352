import { describe, expect, it } from 'vitest';
import { parseNote } from '../src/parse/index.js';
import type { Root, RootContent } from 'mdast';

const links = (source: string) =>
  parseNote('Folder/Note.md', source).links.map((l) => ({
    kind: l.kind,
    target: l.target,
    path: l.path,
    subpath: l.subpath,
    display: l.display,
    line: l.line,
    column: l.column,
    ...(l.size ? { size: l.size } : {}),
  }));

function find<T extends RootContent['type']>(tree: Root, type: T): Array<Extract<RootContent, { type: T }>> {
  const found: Array<Extract<RootContent, { type: T }>> = [];
  const walk = (node: Root | RootContent): void => {
    if (node.type === type) found.push(node as Extract<RootContent, { type: T }>);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return found;
}

describe('wikilinks', () => {
  it.each([
    ['[[Note]]', { kind: 'wikilink', target: 'Note', path: 'Note', subpath: null, display: null }],
    ['[[Note|shown]]', { kind: 'wikilink', target: 'Note', path: 'Note', subpath: null, display: 'shown' }],
    ['[[Folder/Note]]', { kind: 'wikilink', target: 'Folder/Note', path: 'Folder/Note', subpath: null, display: null }],
    ['[[Note.md]]', { kind: 'wikilink', target: 'Note.md', path: 'Note.md', subpath: null, display: null }],
    ['[[Note#Heading]]', { kind: 'wikilink', target: 'Note#Heading', path: 'Note', subpath: { type: 'heading', headings: ['Heading'] }, display: null }],
    ['[[Note#H1#H2]]', { kind: 'wikilink', target: 'Note#H1#H2', path: 'Note', subpath: { type: 'heading', headings: ['H1', 'H2'] }, display: null }],
    ['[[#Heading]]', { kind: 'wikilink', target: '#Heading', path: '', subpath: { type: 'heading', headings: ['Heading'] }, display: null }],
    ['[[Note#^block-id]]', { kind: 'wikilink', target: 'Note#^block-id', path: 'Note', subpath: { type: 'block', id: 'block-id' }, display: null }],
    ['![[Note]]', { kind: 'embed', target: 'Note', path: 'Note', subpath: null, display: null }],
    ['![[Note#Heading]]', { kind: 'embed', target: 'Note#Heading', path: 'Note', subpath: { type: 'heading', headings: ['Heading'] }, display: null }],
    ['![[image.png]]', { kind: 'embed', target: 'image.png', path: 'image.png', subpath: null, display: null }],
  ])('%s', (source, expected) => {
    expect(links(`Text ${source} more.`)).toEqual([{ ...expected, line: 1, column: 6 }]);
  });

  it('reads an image size from ![[image.png|200]] and ![[image.png|200x100]]', () => {
    expect(links('![[image.png|200]] ![[image.png|200x100]]').map((l) => l.size)).toEqual([{ width: 200 }, { width: 200, height: 100 }]);
  });

  it('drops the escaping backslash of [[Note\\|shown]] inside a table cell', () => {
    const source = '| Stock | Target |\n|---|---|\n| [[NVIDIA\\|Nvidia]] | +39% |\n';
    expect(links(source)).toEqual([{ kind: 'wikilink', target: 'NVIDIA', path: 'NVIDIA', subpath: null, display: 'Nvidia', line: 3, column: 3 }]);
  });

  it('keeps [[Note]] and [[Note|Note]] apart', () => {
    expect(links('[[Note]] [[Note|Note]]').map((l) => l.display)).toEqual([null, 'Note']);
  });

  it('treats an escaped \\![[x]] as a plain link, not an embed', () => {
    expect(links('\\![[Note]]').map((l) => l.kind)).toEqual(['wikilink']);
  });

  it('finds links in frontmatter strings at their file position', () => {
    const source = '---\ntype: analyst\nfirm: "[[Goldman Sachs]]"\nrelated:\n  - "[[NVIDIA|Nvidia]]"\n---\nBody\n';
    expect(links(source)).toEqual([
      { kind: 'frontmatter', target: 'Goldman Sachs', path: 'Goldman Sachs', subpath: null, display: null, line: 3, column: 8 },
      { kind: 'frontmatter', target: 'NVIDIA', path: 'NVIDIA', subpath: null, display: 'Nvidia', line: 5, column: 6 },
    ]);
    expect(parseNote('a.md', source).links.map((l) => l.key)).toEqual(['firm', 'related']);
  });

  it('finds Markdown links to notes and files, not to the web', () => {
    expect(links('[XLI](../ETFs/XLI.md) [web](https://example.com/a.md) [mail](mailto:a@b.c) [here](#Local) [spaced](My%20Note.md)')).toEqual([
      { kind: 'markdown', target: '../ETFs/XLI.md', path: '../ETFs/XLI.md', subpath: null, display: 'XLI', line: 1, column: 1 },
      { kind: 'markdown', target: '#Local', path: '', subpath: { type: 'heading', headings: ['Local'] }, display: 'here', line: 1, column: 76 },
      { kind: 'markdown', target: 'My Note.md', path: 'My Note.md', subpath: null, display: 'spaced', line: 1, column: 91 },
    ]);
  });

  it('counts lines from the top of the file, frontmatter included', () => {
    const source = '---\ntype: etf\ntags: [etf]\n---\n# XLI\n\nSee [[XLF]].\n';
    expect(links(source)[0]).toMatchObject({ line: 7, column: 5 });
  });

  it('handles CRLF notes and a BOM', () => {
    const source = '\uFEFF---\r\ntype: etf\r\n---\r\n# XLI\r\n\r\nSee [[XLF]].\r\n';
    expect(links(source)[0]).toMatchObject({ target: 'XLF', line: 6, column: 5 });
  });
});

describe('nothing in code, comments or HTML is a link', () => {
  it.each([
    ['a code span', 'Inline `[[Not A Link]]` here.'],
    ['fenced code', '```text\n[[Not A Link]] and ![[neither]]\n```'],
    ['an inline %%comment%%', 'Visible %%hidden [[Not A Link]]%% text.'],
    ['a block %% comment %%', '%%\nhidden [[Not A Link]]\n\nstill hidden ![[x.png]]\n%%\n'],
    ['an HTML comment', '<!-- [[Not A Link]] -->'],
    ['an inline HTML comment', 'Text <!-- [[Not A Link]] --> more.'],
  ])('%s', (_name, source) => {
    expect(links(source)).toEqual([]);
  });

  it('an unclosed block comment runs to the end of the note, as in Obsidian', () => {
    expect(links('[[Before]]\n\n%%\n[[After]]\n')).toMatchObject([{ target: 'Before' }]);
  });

  it('a lone % inside an unclosed or multi-line comment is comment text (found by the property test)', () => {
    for (const source of ['%%a\n%', '%%a\n%b\n%%\n[[Real]]', '%%%\n%']) expect(() => parseNote('a.md', source), source).not.toThrow();
    expect(links('%%a\n%b\n%%\n\n[[Real]]').map((l) => l.target)).toEqual(['Real']);
  });

  it('text after a closed comment is still read', () => {
    expect(links('%%note%% then [[Real]]').map((l) => l.target)).toEqual(['Real']);
  });
});

describe('Obsidian blocks and inline syntax', () => {
  it('reads block ids at a paragraph end and on the line after a table', () => {
    const note = parseNote('a.md', 'First para ^para-1\n\n| a |\n|---|\n| b |\n\n^table-1\n\n- item ^item-1\n');
    expect(note.blocks).toEqual([
      { id: 'para-1', line: 1, column: 1 },
      { id: 'table-1', line: 7, column: 1 },
      { id: 'item-1', line: 9, column: 1 },
    ]);
    expect(JSON.stringify(note.tree)).not.toContain('^para-1');
  });

  it('reads headings with their depth and file line', () => {
    const note = parseNote('a.md', '---\ntype: concept\n---\n# Title\n\n## How rotation works\n\n### [[XMAG]] ETF (S&P 493 proxy)\n');
    expect(note.headings).toEqual([
      { text: 'Title', depth: 1, line: 4, column: 1 },
      { text: 'How rotation works', depth: 2, line: 6, column: 1 },
      { text: 'XMAG ETF (S&P 493 proxy)', depth: 3, line: 8, column: 1 },
    ]);
  });

  it('reads inline and frontmatter tags, nested ones too, and not in code or headings markers', () => {
    const note = parseNote('a.md', '---\ntags: [etf, markets/us]\n---\n#concept #markets/rotation #2026 C#sharp `#code`\n');
    expect(note.tags.map((t) => `${t.source}:${t.name}`)).toEqual(['frontmatter:etf', 'frontmatter:markets/us', 'inline:concept', 'inline:markets/rotation']);
  });

  it('turns callouts into callout nodes: type, fold, title, nested', () => {
    const note = parseNote('a.md', '> [!warning]- Risk of [[Tesla]]\n> Body text\n> > [!note] Inner\n> > Deep [[NVIDIA]]\n');
    const callouts = find(note.tree, 'callout');
    expect(callouts.map((c) => [c.calloutType, c.fold, c.title.map((n) => ('value' in n ? n.value : '')).join('')])).toEqual([
      ['warning', '-', 'Risk of Tesla'],
      ['note', null, 'Inner'],
    ]);
    expect(note.links.map((l) => l.target).sort()).toEqual(['NVIDIA', 'Tesla']);
  });

  it('parses ==highlight== with links inside', () => {
    const note = parseNote('a.md', 'A ==key [[Point]]== here and a==b==c');
    const marks = find(note.tree, 'highlight');
    expect(marks).toHaveLength(2);
    expect(note.links.map((l) => l.target)).toEqual(['Point']);
  });

  it('reads `*Updated YYYY-MM-DD*` lines (the user convention)', () => {
    const note = parseNote('a.md', '# X\n\n*Updated 2026-01-10*\n\ntext\n\n*Updated 2026-01-14*\n');
    expect(note.updatedMarks).toEqual([
      { date: '2026-01-10', line: 3, column: 1 },
      { date: '2026-01-14', line: 7, column: 1 },
    ]);
  });

  it('reads feed regions between HTML comment markers', () => {
    const note = parseNote('a.md', 'Intro\n\n<!-- feed: xmag-flows updated=2026-11-22 -->\n| Month | Flow |\n|---|---|\n| Jan | ~$10M |\n<!-- /feed -->\n');
    expect(note.feedRegions).toEqual([{ feed: 'xmag-flows', updated: '2026-11-22', startLine: 3, endLine: 7 }]);
  });
});

describe('frontmatter', () => {
  it('reports YAML that does not parse, with its line, and still reads the body', () => {
    const note = parseNote('a.md', '---\ntype: etf\ntags: [etf\nupdated: 2026-01-02\n---\n# A\n\n[[B]]\n');
    expect(note.issues).toHaveLength(1);
    expect(note.issues[0]).toMatchObject({ rule: 'invalid-frontmatter', line: 4 });
    expect(note.issues[0]?.message).toMatch(/^Invalid frontmatter YAML: /);
    expect(note.links.map((l) => `${l.target}:${l.line}`)).toEqual(['B:8']);
  });

  it('reports an unclosed frontmatter block', () => {
    const note = parseNote('a.md', '---\ntype: etf\n# A\n');
    expect(note.issues.map((i) => `${i.line}:${i.message}`)).toEqual([
      '1:Frontmatter opened on line 1 is never closed with `---`; the note is left out of the site',
    ]);
  });

  it('reports fields of the wrong shape at their key', () => {
    const note = parseNote('a.md', '---\ntype: etf\naliases: {a: 1}\npublish: maybe\n---\n');
    expect(note.issues.map((i) => `${i.line}:${i.message}`)).toEqual([
      '3:Frontmatter `aliases` is a mapping, not a list; Almanac ignores it',
      '4:Frontmatter `publish` must be true or false (a YAML boolean), not the string "maybe"; the note is left out of the site',
    ]);
  });

  it('only a line that is exactly `---` opens frontmatter (`---abc`, `----` are body text)', () => {
    for (const source of ['---abc\nx\n', '----\ntext\n', '--- yaml\na: 1\n---\n']) {
      const note = parseNote('a.md', source);
      expect(note.issues, source).toEqual([]);
      expect(note.bodyLine, source).toBe(1);
    }
  });

  it('keeps dates as YYYY-MM-DD strings (plain, serialisable data)', () => {
    const note = parseNote('a.md', '---\nupdated: 2026-01-14\naliases: NVDA, Nvidia\n---\n');
    expect(note.frontmatter.updated).toBe('2026-01-14');
    expect(note.aliases).toEqual(['NVDA', 'Nvidia']);
    expect(JSON.parse(JSON.stringify(note))).toEqual(note);
  });
});

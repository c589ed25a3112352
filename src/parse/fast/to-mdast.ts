// markdown-it tokens to the mdast remark-parse + remark-gfm + Almanac's Obsidian syntax
// would build (before the tree transforms), with the positions later stages read:
// block nodes' lines, and the start of links, embeds, images, emphasis and inline HTML.
import type { Root, RootContent, PhrasingContent, BlockContent, ListItem, TableRow, TableCell, AlignType, Heading } from 'mdast';
import type { Position } from 'unist';
import type Token from 'markdown-it/lib/token.mjs';
import type { ObsidianLink } from '../mdast.js';
import { fastTokenizer, inlineStart, linkStart, OBSIDIAN_LINK } from './markdown-it.js';
import { cellLocator, lineLocator, point, rowCells, sourceLines, type Locator, type SourceLines } from './locate.js';

/** A token the fast path has no mapping for; the caller falls back to remark. */
export class FastPathUnsupported extends Error {}

export function fastMdast(markdown: string): Root {
  const tokens = fastTokenizer().parse(markdown, {});
  const source = sourceLines(markdown);
  checkTables(tokens, source);
  const reader = new BlockReader(tokens, source);
  const children = reader.until(null);
  const last = source.lines.length;
  return { type: 'root', children, position: { start: point(source, 1, 1), end: point(source, last, (source.lines[last - 1] ?? '').length + 1) } };
}

/** What may open a block other than a table where a header row's first cell starts. */
const BLOCK_START = /^(?:[`~#>*+<=_-]|\d{1,9}[.)])/;

const DELIMITER_ROW = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** A line that reads as a table's delimiter row where markdown-it saw no table: the two
 * parsers detect tables differently at the edges, so remark decides. */
function checkTables(tokens: Token[], source: SourceLines): void {
  const headers = new Set<number>();
  for (const token of tokens) if (token.type === 'table_open' && token.map) headers.add(token.map[0]);
  source.lines.forEach((line, index) => {
    // micromark also takes `-:` alone (no pipe) as a one-column delimiter row.
    if (index > 0 && (line.includes('|') || line.includes(':')) && line.includes('-') && DELIMITER_ROW.test(line) && !headers.has(index - 1)) {
      throw new FastPathUnsupported(`line ${index + 1} reads as a table delimiter row outside a table`);
    }
  });
}

class BlockReader {
  private index = 0;
  /** Block quotes around the block being read: their `>` markers do not make a line non-blank. */
  private quoteDepth = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: SourceLines,
  ) {}

  /** Blocks up to (and past) the closing token of type `close`, or to the end. */
  until(close: string | null): RootContent[] {
    const nodes: RootContent[] = [];
    while (this.index < this.tokens.length) {
      const token = this.take();
      if (token.type === close) return nodes;
      nodes.push(this.block(token));
    }
    if (close !== null) throw new FastPathUnsupported(`unclosed ${close}`);
    return nodes;
  }

  private take(): Token {
    const token = this.tokens[this.index++];
    if (!token) throw new FastPathUnsupported('token stream ended early');
    return token;
  }

  private block(token: Token): RootContent {
    const position = this.position(token);
    switch (token.type) {
      case 'paragraph_open': {
        const inline = this.inline('paragraph_close');
        // A line opening with `<` may be lazy paragraph text to markdown-it and HTML to micromark.
        if (inline.content.includes('\n<')) throw new FastPathUnsupported('paragraph line starting with <');
        const first = token.map ? token.map[0] + 1 : 1;
        const locate = lineLocator(this.source, inline.content, first);
        position.start = locate(0);
        return { type: 'paragraph', children: phrasing(inline, locate), position };
      }
      case 'heading_open': {
        const inline = this.inline('heading_close');
        const first = token.map ? token.map[0] + 1 : 1;
        const line = this.source.lines[first - 1] ?? '';
        const atx = token.markup.startsWith('#');
        const hashes = line.indexOf('#');
        const locate = lineLocator(this.source, inline.content, first, atx ? hashes + token.markup.length : -1);
        position.start = atx ? point(this.source, first, hashes + 1) : locate(0);
        const heading: Heading = { type: 'heading', depth: depthOf(token.tag), children: phrasing(inline, locate), position };
        return heading;
      }
      case 'blockquote_open': {
        this.quoteDepth++;
        const children = this.until('blockquote_close') as BlockContent[];
        this.quoteDepth--;
        return { type: 'blockquote', children, position };
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        return this.list(token, position);
      case 'fence': {
        if (!this.closedFence(token)) throw new FastPathUnsupported('unclosed fence');
        const info = token.info.trim();
        const rawLang = info === '' ? null : (info.split(/[ \t]/, 1)[0] ?? null);
        const unescape = fastTokenizer().utils.unescapeAll;
        const lang = rawLang === null ? null : unescape(rawLang);
        const meta = rawLang === null ? null : unescape(info.slice(rawLang.length).trim()) || null;
        return { type: 'code', lang, meta, value: stripNewline(token.content), position };
      }
      case 'code_block':
        return { type: 'code', lang: null, meta: null, value: stripNewline(token.content), position };
      case 'html_block':
        // One left open runs to the end of the note; micromark keeps the final line ending then.
        if (unclosedHtml(token.content)) throw new FastPathUnsupported('unclosed HTML block');
        return { type: 'html', value: stripNewline(token.content), position };
      case 'hr':
        return { type: 'thematicBreak', position };
      case 'table_open': {
        // Tables whose delimiter row has no pipe are where markdown-it and micromark part.
        const delimiter = this.source.lines[(token.map?.[0] ?? 0) + 1] ?? '';
        if (!delimiter.includes('|')) throw new FastPathUnsupported('table without a pipe in its delimiter row');
        // markdown-it tries tables before any other block; micromark lets a fence, heading,
        // quote, list or HTML block take a header row that does not open with a pipe.
        const header = this.source.lines[token.map?.[0] ?? 0] ?? '';
        const first = rowCells(header)[0];
        if (first && !header.slice(0, first.start).includes('|') && BLOCK_START.test(first.raw)) throw new FastPathUnsupported('table header row that may open another block');
        return this.table(position);
      }
      default:
        throw new FastPathUnsupported(`block token ${token.type}`);
    }
  }

  private inline(close: string): Token {
    const inline = this.take();
    if (inline.type !== 'inline') throw new FastPathUnsupported(`expected inline, got ${inline.type}`);
    if (this.take().type !== close) throw new FastPathUnsupported(`expected ${close}`);
    return inline;
  }

  private list(open: Token, position: Position): RootContent {
    const ordered = open.type === 'ordered_list_open';
    const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
    const tight = this.isTight(open);
    const items: ListItem[] = [];
    for (;;) {
      const token = this.take();
      if (token.type === close) break;
      if (token.type !== 'list_item_open') throw new FastPathUnsupported(`list child ${token.type}`);
      const children = this.until('list_item_close') as BlockContent[];
      // Empty items are where markdown-it and micromark end lists differently.
      if (children.length === 0) throw new FastPathUnsupported('empty list item');
      items.push(taskItem({ type: 'listItem', spread: !tight, checked: null, children, position: this.position(token) }));
    }
    const start = ordered ? Number.parseInt(open.attrGet('start') ?? '1', 10) : null;
    return { type: 'list', ordered, start, spread: !tight, children: items, position };
  }

  /** markdown-it hides the paragraphs of tight lists. */
  private isTight(open: Token): boolean {
    for (let at = this.index; at < this.tokens.length; at++) {
      const token = this.tokens[at];
      if (!token || token.level <= open.level) break;
      if (token.type === 'paragraph_open' && token.level === open.level + 2) return token.hidden;
    }
    return true;
  }

  private table(position: Position): RootContent {
    const rows: TableRow[] = [];
    const align: AlignType[] = [];
    for (;;) {
      const token = this.take();
      if (token.type === 'table_close') break;
      if (token.type !== 'tr_open') continue;
      const line = token.map ? token.map[0] + 1 : 1;
      const spans = rowCells(this.source.lines[line - 1] ?? '');
      const cells: TableCell[] = [];
      const header = rows.length === 0;
      for (;;) {
        const cell = this.take();
        if (cell.type === 'tr_close') break;
        if (cell.type !== 'th_open' && cell.type !== 'td_open') throw new FastPathUnsupported(`table row child ${cell.type}`);
        if (header) align.push(alignOf(cell.attrGet('style')));
        const inline = this.inline(cell.type === 'th_open' ? 'th_close' : 'td_close');
        const span = spans[cells.length];
        const locate = cellLocator(this.source, line, span);
        if (!span && inline.content === '') break;
        cells.push({ type: 'tableCell', children: phrasing(inline, locate), position: { start: point(this.source, line, span ? span.pipe + 1 : 1), end: locate(inline.content.length) } });
      }
      rows.push({ type: 'tableRow', children: cells, position: this.position(token) });
    }
    return { type: 'table', align, children: rows, position };
  }

  /** A fence left open runs to the end of the note, where micromark keeps trailing blanks. */
  private closedFence(token: Token): boolean {
    const [from, to] = token.map ?? [0, 0];
    if (to - 1 <= from) return false;
    const last = (this.source.lines[to - 1] ?? '').trim();
    const marker = token.markup.charAt(0);
    return last.length >= token.markup.length && [...last].every((char) => char === marker);
  }

  /** Lines of a block token; the end is its last non-blank line. */
  private position(token: Token): Position {
    const [from, to] = token.map ?? [0, 1];
    let last = Math.max(from + 1, to);
    while (last > from + 1 && withoutQuotes(this.source.lines[last - 1] ?? '', this.quoteDepth).trim() === '') last--;
    const startLine = this.source.lines[from] ?? '';
    const content = withoutQuotes(startLine, this.quoteDepth);
    const indent = startLine.length - content.trimStart().length;
    return { start: point(this.source, from + 1, indent + 1), end: point(this.source, last, (this.source.lines[last - 1] ?? '').length + 1) };
  }
}

/** A line without the first `depth` block quote markers (each: up to 3 spaces, `>`, one optional space). */
function withoutQuotes(line: string, depth: number): string {
  let rest = line;
  for (let level = 0; level < depth; level++) {
    const marker = /^ {0,3}> ?/.exec(rest);
    if (!marker) break;
    rest = rest.slice(marker[0].length);
  }
  return rest;
}

/** Inline tokens to phrasing content, merging adjacent text as mdast does. */
function phrasing(inline: Token, locate: Locator): PhrasingContent[] {
  const tokens = inline.children ?? [];
  const root: PhrasingContent[] = [];
  const stack: PhrasingContent[][] = [root];
  const here = (): PhrasingContent[] => stack[stack.length - 1] ?? root;
  const at = (token: Token): Position => {
    const start = linkStart(token) ?? 0;
    return { start: locate(start), end: locate(start + token.content.length) };
  };
  const text = (value: string): void => {
    const siblings = here();
    const previous = siblings[siblings.length - 1];
    if (previous?.type === 'text') previous.value += value;
    else if (value !== '') siblings.push({ type: 'text', value });
  };
  const open = (node: PhrasingContent & { children: PhrasingContent[] }): void => {
    here().push(node);
    stack.push(node.children);
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        text(token.content);
        break;
      case 'softbreak':
        text('\n');
        break;
      case 'hardbreak':
        here().push({ type: 'break', position: at(token) });
        break;
      case 'code_inline':
        here().push({ type: 'inlineCode', value: codeText(inline.content, inlineStart.get(token), token), position: at(token) });
        break;
      case 'html_inline':
        here().push({ type: 'html', value: token.content, position: at(token) });
        break;
      case 'em_open':
        open({ type: 'emphasis', children: [], position: at(token) });
        break;
      case 'strong_open':
        open({ type: 'strong', children: [], position: at(token) });
        break;
      case 'link_open':
        open({ type: 'link', url: token.attrGet('href') ?? '', title: token.attrGet('title'), children: [], position: at(token) });
        break;
      case 'em_close':
      case 'strong_close':
      case 'link_close':
        if (stack.length > 1) stack.pop();
        break;
      case 'image':
        here().push({ type: 'image', url: token.attrGet('src') ?? '', title: token.attrGet('title'), alt: plain(token.children ?? []), position: at(token) });
        break;
      case OBSIDIAN_LINK:
        here().push(obsidianLink(token, at(token)));
        break;
      default:
        throw new FastPathUnsupported(`inline token ${token.type}`);
    }
  }
  return root;
}

/** A code span as mdast keeps it: line endings as written (markdown-it makes them spaces). */
function codeText(src: string, start: number | undefined, token: Token): string {
  if (start === undefined || !token.content.includes(' ')) return token.content;
  const open = token.markup.length;
  const from = start + open;
  const close = closingRun(src, from, open);
  if (close === -1) return token.content;
  const raw = src.slice(from, close);
  // markdown-it also strips a space from each end of an all-space span; micromark keeps it.
  if (!raw.includes('\n') && /[^ ]/.test(raw)) return token.content;
  const edge = /^[ \n]/.test(raw) && /[ \n]$/.test(raw) && /[^ \n]/.test(raw);
  return edge ? raw.slice(1, -1) : raw;
}

function closingRun(src: string, from: number, length: number): number {
  let at = src.indexOf('`', from);
  while (at !== -1) {
    let end = at;
    while (src.charCodeAt(end) === 0x60) end++;
    if (end - at === length) return at;
    at = src.indexOf('`', end);
  }
  return -1;
}

function obsidianLink(token: Token, position: Position): ObsidianLink {
  const inner = token.content;
  const bar = inner.indexOf('|');
  let target = bar === -1 ? inner : inner.slice(0, bar);
  const alias = bar === -1 ? null : inner.slice(bar + 1);
  if (bar !== -1 && target.endsWith('\\')) target = target.slice(0, -1);
  const raw = (token.markup === '!' ? 3 : 2) + inner.length + 2;
  const end = { ...position.start, column: position.start.column + raw, offset: (position.start.offset ?? 0) + raw };
  return { type: 'obsidianLink', value: target.trim(), alias: alias === null ? null : alias.trim(), embed: token.markup === '!', position: { start: position.start, end } };
}

/** An image's alt text: the plain text of its label, raw HTML included (as mdast-util-to-string
 * gives it). Escapes and entities are still `text_special` here: markdown-it joins them into
 * text only at the top level. */
function plain(tokens: Token[]): string {
  let out = '';
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'text_special' || token.type === 'code_inline' || token.type === 'html_inline') out += token.content;
    else if (token.type === 'softbreak') out += '\n';
    else if (token.type === 'image') out += plain(token.children ?? []);
    else if (token.type === OBSIDIAN_LINK) out += `[[${token.content}]]`;
  }
  return out;
}

/** GFM task list items: `[ ]` / `[x]` at the start of the first paragraph. */
function taskItem(item: ListItem): ListItem {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return item;
  const head = first.children[0];
  if (head?.type !== 'text') return item;
  // micromark: the check, one space, tab or line ending, then something that is not blank.
  if (/^\[[ xX]\]$/.test(head.value) && first.children[1]?.type === 'break') throw new FastPathUnsupported('task check before a hard break');
  const match = /^\[([ xX])\][ \t\n]/.exec(head.value);
  if (!match) return item;
  if (head.value.charAt(3) === '\n') throw new FastPathUnsupported('task check at the end of its line');
  const rest = head.value.slice(4);
  if (rest.trim() === '' && first.children.length === 1) return item;
  if (rest === '') first.children.shift();
  else head.value = rest;
  return { ...item, checked: match[1] !== ' ' };
}

function alignOf(style: string | null): AlignType {
  if (style === null) return null;
  if (style.includes('left')) return 'left';
  if (style.includes('right')) return 'right';
  if (style.includes('center')) return 'center';
  return null;
}

function depthOf(tag: string): Heading['depth'] {
  const depth = Number(tag.slice(1));
  return depth === 1 || depth === 2 || depth === 3 || depth === 4 || depth === 5 || depth === 6 ? depth : 1;
}

function unclosedHtml(html: string): boolean {
  const text = html.trimStart();
  if (text.startsWith('<!--')) return !text.includes('-->', 4);
  if (text.startsWith('<?')) return !text.includes('?>', 2);
  if (text.startsWith('<![CDATA[')) return !text.includes(']]>');
  if (/^<![A-Za-z]/.test(text)) return !text.includes('>', 2);
  const raw = /^<(script|pre|style|textarea)(?=[\s>]|$)/i.exec(text);
  return raw?.[1] !== undefined && !text.toLowerCase().includes(`</${raw[1].toLowerCase()}>`);
}

function stripNewline(value: string): string {
  return value.endsWith('\n') ? value.slice(0, -1) : value;
}

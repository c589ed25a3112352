// Block tokens to mdast block nodes (paragraphs, headings, quotes, lists, code, HTML, rules,
// tables), each with the lines it spans as remark gives them.
import type { RootContent, BlockContent, ListItem, TableRow, TableCell, AlignType, Heading } from 'mdast';
import type { Position } from 'unist';
import type Token from 'markdown-it/lib/token.mjs';
import { fastTokenizer } from './markdown-it.js';
import { cellLocator, lineLocator, point, rowCells, type CellSpan, type SourceLines } from './locate.js';
import { phrasing } from './phrasing.js';
import { alignOf, checkTableStart } from './tables.js';
import { taskItem } from './task-items.js';
import { FastPathUnsupported } from './unsupported.js';
import { OBSIDIAN_COMMENT_BLOCK } from './comments.js';
import { OBSIDIAN_MATH_BLOCK } from './math.js';
import { commentText } from '../syntax/comment.js';
import type { ObsidianComment } from '../mdast.js';

export class BlockReader {
  private index = 0;
  /** Block quotes around the block being read: their `>` markers do not make a line non-blank. */
  private quoteDepth = 0;
  /** Lists around the block being read. */
  private listDepth = 0;
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
        if (/\n[ \t]*</.test(inline.content)) throw new FastPathUnsupported('paragraph line starting with <');
        const first = token.map ? token.map[0] + 1 : 1;
        const locate = lineLocator(this.source, inline.content, first);
        position.start = locate(0);
        return { type: 'paragraph', children: phrasing(inline, locate, this.context()), position };
      }
      case 'heading_open': {
        const inline = this.inline('heading_close');
        const first = token.map ? token.map[0] + 1 : 1;
        const line = this.source.lines[first - 1] ?? '';
        const atx = token.markup.startsWith('#');
        const hashes = line.indexOf('#');
        const locate = lineLocator(this.source, inline.content, first, atx ? hashes + token.markup.length : -1);
        position.start = atx ? point(this.source, first, hashes + 1) : locate(0);
        const heading: Heading = { type: 'heading', depth: depthOf(token.tag), children: phrasing(inline, locate, this.context()), position };
        return heading;
      }
      case 'blockquote_open': {
        this.quoteDepth++;
        const children = this.until('blockquote_close') as BlockContent[];
        this.quoteDepth--;
        return { type: 'blockquote', children, position };
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        this.listDepth++;
        const list = this.list(token, position);
        this.listDepth--;
        return list;
      }
      case OBSIDIAN_COMMENT_BLOCK:
        return this.comment(token);
      case OBSIDIAN_MATH_BLOCK:
        return { type: 'math', meta: null, value: token.content, position };
      case 'fence': {
        if (!this.closedFence(token)) throw new FastPathUnsupported('unclosed fence');
        const info = token.info.trim();
        const rawLang = info === '' ? null : (info.split(/[ \t]/, 1)[0] ?? null);
        const unescape = fastTokenizer().utils.unescapeAll;
        const lang = rawLang === null ? null : unescape(rawLang);
        // micromark keeps the meta's trailing blanks (`js a  ` has the meta `a  `).
        const meta = rawLang === null ? null : unescape(token.info.trimStart().slice(rawLang.length).trimStart()) || null;
        return { type: 'code', lang, meta, value: stripNewline(token.content), position };
      }
      case 'code_block':
        this.checkCodeBlockEnd(token);
        return { type: 'code', lang: null, meta: null, value: stripNewline(token.content), position };
      case 'html_block':
        // One left open runs to the end of the note; micromark keeps the final line ending then.
        if (unclosedHtml(token.content)) throw new FastPathUnsupported('unclosed HTML block');
        return { type: 'html', value: stripNewline(token.content), position };
      case 'hr':
        return { type: 'thematicBreak', position };
      case 'table_open':
        checkTableStart(token, this.source);
        return this.table(position);
      default:
        throw new FastPathUnsupported(`block token ${token.type}`);
    }
  }

  private context(): 'top' | 'nested' {
    return this.quoteDepth === 0 && this.listDepth === 0 ? 'top' : 'nested';
  }

  /** A block comment spans from its `%%` to past its closer and trailing blanks, or to the end. */
  private comment(token: Token): RootContent {
    const from = token.map?.[0] ?? 0;
    const indent = (this.source.lines[from] ?? '').indexOf('%%');
    const start = point(this.source, from + 1, indent + 1);
    const endOffset = (start.offset ?? 0) + 2 + token.content.length;
    let line = from;
    while (line + 1 < this.source.lines.length && (this.source.starts[line + 1] ?? 0) <= endOffset) line++;
    const end = point(this.source, line + 1, endOffset - (this.source.starts[line] ?? 0) + 1);
    const node: ObsidianComment = { type: 'obsidianComment', value: commentText(`%%${token.content}`), position: { start, end } };
    return node;
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
      if (children.length === 0) this.checkEmptyItem(token);
      items.push(taskItem({ type: 'listItem', spread: !tight, checked: null, children, position: this.position(token) }));
    }
    const start = ordered ? Number.parseInt(open.attrGet('start') ?? '1', 10) : null;
    this.checkListStart(open, start, items[0]?.children.length === 0);
    return { type: 'list', ordered, start, spread: !tight, children: items, position };
  }

  /**
   * Where micromark reads a list start as interrupting and markdown-it does not. micromark
   * checks every container a line opens as interrupting when its first new one interrupts
   * a paragraph (`a` then `- 0) b` or `> -`), and when indented code went before, even
   * across blank lines; an ordered list not starting at 1, or one whose first item is
   * empty, is then paragraph text to it. Such lists after a non-blank line or after
   * indented code go to remark.
   */
  private checkListStart(open: Token, start: number | null, firstEmpty: boolean): void {
    if ((start === null || start === 1) && !firstEmpty) return;
    let line = (open.map?.[0] ?? 0) - 1;
    if (line < 0) return;
    if ((this.source.lines[line] ?? '').trim() !== '') throw new FastPathUnsupported('list start micromark reads as interrupting');
    while (line > 0 && (this.source.lines[line] ?? '').trim() === '') line--;
    if (/^[ >]* {4}/.test(this.source.lines[line] ?? '')) throw new FastPathUnsupported('list start after indented code');
  }

  /** markdown-it ends a list after an empty item and two blank lines; micromark goes on
   * (a note ending so is read alike). */
  private checkEmptyItem(item: Token): void {
    const line = item.map?.[0] ?? 0;
    const blank = (at: number): boolean => withoutQuotes(this.source.lines[at] ?? '', this.quoteDepth).trim() === '';
    if (!blank(line + 1) || !blank(line + 2)) return;
    const more = this.source.lines.some((_, at) => at > line + 2 && !blank(at));
    if (more) throw new FastPathUnsupported('empty list item before two blank lines');
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
        cells.push({
          type: 'tableCell',
          children: phrasing(inline, locate, 'cell'),
          position: { start: point(this.source, line, span ? span.pipe + 1 : 1), end: locate(inline.content.length) },
        });
      }
      // markdown-it drops the cells past the header's count; remark keeps them.
      for (const span of spans.slice(cells.length)) cells.push(this.extraCell(line, span));
      rows.push({ type: 'tableRow', children: cells, position: this.position(token) });
    }
    return { type: 'table', align, children: rows, position };
  }

  /** A body row's cell past the header's count, read from its source as markdown-it reads cells. */
  private extraCell(line: number, span: CellSpan): TableCell {
    const [inline] = fastTokenizer().parseInline(span.raw.replace(/\\\|/g, '|'), {});
    if (inline?.type !== 'inline') throw new FastPathUnsupported('table cell past the header');
    const locate = cellLocator(this.source, line, span);
    return {
      type: 'tableCell',
      children: phrasing(inline, locate, 'cell'),
      position: { start: point(this.source, line, span.pipe + 1), end: locate(inline.content.length) },
    };
  }

  /** micromark keeps some of the blank lines after indented code in its value when one of
   * them is itself indented 4 or more (`    a\n\n    `): those go to remark. */
  private checkCodeBlockEnd(token: Token): void {
    for (let line = token.map?.[1] ?? 0; line < this.source.lines.length; line++) {
      const rest = withoutQuotes(this.source.lines[line] ?? '', this.quoteDepth);
      if (rest.trim() !== '') return;
      if (rest.length >= 4) throw new FastPathUnsupported('indented blank line after indented code');
    }
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

// One walk over a note's tree collects the facts later stages need: links,
// headings, block ids, tags, suppression comments, feed regions, date marks.
import type { Root, Nodes, Parents } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { plainText } from './plain-text.js';
import type { AnchorInfo, BlockInfo, ChartMark, DateMark, FeedRegion, HeadingInfo, LinkRef, Suppression, TableFact, TagRef } from './types.js';
import { chartSpec, placeCharts, TABLE_FACTS, tableFact } from './table-facts.js';
import { parseSize, splitTarget } from './link-target.js';

export interface BodyFacts {
  headings: HeadingInfo[];
  blocks: BlockInfo[];
  anchors: AnchorInfo[];
  links: LinkRef[];
  tags: TagRef[];
  suppressions: Suppression[];
  feedRegions: FeedRegion[];
  updatedMarks: DateMark[];
  tables: TableFact[];
  charts: ChartMark[];
}

/** A link's context longer than this is cut to about this much text around the link. */
export const CONTEXT_CHARS = 240;
const CONTEXT_SIDE = 100;
const CONTEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'listItem', 'callout']);
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const FEED_START = /^<!--\s*feed:\s*([\w.-]+)((?:\s+[\w-]+=[^\s>]*)*)\s*-->$/;
const FEED_END = /^<!--\s*\/feed\s*-->$/;
const IGNORE = /^\s*almanac-ignore(-file)?(?:\s+([\s\S]*?))?\s*$/;
const UPDATED = /^Updated (\d{4}-\d{2}-\d{2})$/;

export function extractFacts(tree: Root, body: string, bodyLine: number): BodyFacts {
  const collector = new FactCollector(body, bodyLine);
  collector.visit(tree, undefined);
  return collector.done();
}

type NodeOf<T extends Nodes['type']> = Extract<Nodes, { type: T }>;

/** The walk's state: the facts so far, each block's text (for link contexts), the open feed region. */
class FactCollector {
  readonly facts: BodyFacts = {
    headings: [],
    blocks: [],
    anchors: [],
    links: [],
    tags: [],
    suppressions: [],
    feedRegions: [],
    updatedMarks: [],
    tables: [],
    charts: [],
  };
  private readonly chartComments: Array<Omit<ChartMark, 'tableLine'> & { endLine: number }> = [];
  private readonly rowIds = new Set<string>();
  private readonly shift: number;
  private readonly bodyLines: string[];
  // Each block's text is made once; a link's context is the stretch of it around the link
  // (so a block of 10,000 links does not store 10,000 copies of itself). `cursor` follows
  // the links through the text in document order.
  private readonly contexts = new Map<Nodes, { text: string; cursor: number }>();
  private openFeed: { feed: string; updated: string | null; startLine: number } | null = null;

  constructor(body: string, bodyLine: number) {
    this.shift = bodyLine - 1;
    this.bodyLines = body.split('\n');
  }

  /** The facts, chart comments placed on their tables. */
  done(): BodyFacts {
    this.facts.charts = placeCharts(this.chartComments, this.facts.tables, this.facts.feedRegions);
    return this.facts;
  }

  visit(node: Nodes, block: Nodes | undefined): void {
    const here = CONTEXT_BLOCKS.has(node.type) ? node : block;
    const data = node.data;
    if (data?.blockId)
      this.facts.blocks.push({
        id: data.blockId,
        line: data.blockIdLine === undefined ? blockIdLine(node, this.shift) : data.blockIdLine + this.shift,
        column: 1,
      });
    this.collect(node, here, block);
    if ('children' in node) for (const child of (node as Parents).children) this.visit(child, here);
    if (node.type === 'callout') {
      const title: Nodes = { type: 'paragraph', children: node.title };
      for (const child of node.title) this.visit(child, title);
    }
  }

  private collect(node: Nodes, here: Nodes | undefined, block: Nodes | undefined): void {
    const { facts } = this;
    switch (node.type) {
      case 'heading':
        facts.headings.push({ text: squash(toString(node)), depth: node.depth, line: this.lineOf(node), column: this.columnOf(node) });
        break;
      case 'obsidianLink':
        this.obsidianLink(node, here);
        break;
      case 'link':
      case 'image':
        this.linkOrImage(node, here);
        break;
      case 'tag':
        facts.tags.push({ name: node.name, source: 'inline', line: this.lineOf(node), column: this.columnOf(node) });
        break;
      case 'emphasis': {
        const match = UPDATED.exec(toString(node).trim());
        if (match?.[1]) facts.updatedMarks.push({ date: match[1], line: this.lineOf(node), column: this.columnOf(node) });
        break;
      }
      case 'table':
        if (TABLE_FACTS) facts.tables.push(tableFact(node, facts.headings.at(-1)?.text ?? null, this.shift, this.rowIds));
        break;
      case 'obsidianComment': {
        const spec = TABLE_FACTS ? chartSpec(node.value) : null;
        if (spec !== null) {
          const line = this.lineOf(node);
          this.chartComments.push({ spec, line, column: this.columnOf(node), endLine: (node.position?.end.line ?? 1) + this.shift });
        }
        const match = IGNORE.exec(node.value);
        if (match) {
          const rules = (match[2] ?? '').split(/[\s,]+/).filter((rule) => rule !== '');
          const line = match[1] ? 0 : suppressedLine(node, block, this.bodyLines, this.shift);
          facts.suppressions.push({ line, rules });
        }
        break;
      }
      case 'html':
        this.html(node);
        break;
      default:
        break;
    }
  }

  private obsidianLink(node: NodeOf<'obsidianLink'>, here: Nodes | undefined): void {
    const { path, subpath } = splitTarget(node.value);
    const size = node.embed ? parseSize(node.alias) : undefined;
    this.facts.links.push({
      kind: node.embed ? 'embed' : 'wikilink',
      target: node.value,
      path,
      subpath,
      display: size ? null : node.alias,
      ...(size ? { size } : {}),
      line: this.lineOf(node),
      column: this.columnOf(node),
      context: this.contextOf(here, node),
    });
  }

  private linkOrImage(node: NodeOf<'link'> | NodeOf<'image'>, here: Nodes | undefined): void {
    const link = markdownLink(node.url);
    if (!link) return;
    this.facts.links.push({
      kind: node.type === 'image' ? 'embed' : 'markdown',
      target: link.target,
      ...splitTarget(link.target),
      display: node.type === 'link' ? toString(node) : (node.alt ?? null),
      // `![alt|120](x.png)`: the size transforms/image-size.ts took off the alt text.
      ...(node.type === 'image' && node.data?.imageSize ? { size: node.data.imageSize } : {}),
      line: this.lineOf(node),
      column: this.columnOf(node),
      context: this.contextOf(here, node),
    });
  }

  /** HTML anchors, and the comments that open and close a feed region. */
  private html(node: NodeOf<'html'>): void {
    htmlAnchors(node.value, this.lineOf(node), this.columnOf(node), this.facts.anchors);
    const value = node.value.trim();
    const start = FEED_START.exec(value);
    if (start?.[1]) {
      const updated = /\bupdated=(\d{4}-\d{2}-\d{2})\b/.exec(start[2] ?? '');
      this.openFeed = { feed: start[1], updated: updated?.[1] ?? null, startLine: this.lineOf(node) };
    } else if (FEED_END.test(value) && this.openFeed) {
      this.facts.feedRegions.push({ ...this.openFeed, endLine: this.lineOf(node) });
      this.openFeed = null;
    }
  }

  private lineOf(node: Nodes): number {
    return (node.position?.start.line ?? 1) + this.shift;
  }

  private columnOf(node: Nodes): number {
    return node.position?.start.column ?? 1;
  }

  private contextOf(block: Nodes | undefined, link: Nodes): string {
    if (!block) return '';
    let entry = this.contexts.get(block);
    if (entry === undefined) {
      entry = { text: squash(plainText(block)), cursor: 0 };
      this.contexts.set(block, entry);
    }
    if (entry.text.length <= CONTEXT_CHARS) return entry.text;
    const own = squash(plainText(link));
    const found = own === '' ? -1 : entry.text.indexOf(own, entry.cursor);
    const at = found === -1 ? entry.cursor : found;
    entry.cursor = at + own.length;
    return contextAround(entry.text, at, own.length);
  }
}

/** A Markdown link or image into the vault (no scheme, not a bare fragment-less anchor). */
function markdownLink(url: string): { target: string } | null {
  if (url === '' || URL_SCHEME.test(url) || url.startsWith('//')) return null;
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // keep it as written
  }
  return { target: decoded };
}

const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const START_TAG = /<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * The anchors a browser would land a `#fragment` on in a raw HTML node: `id` on any start
 * tag, `name` on `<a>` (HTML's rule for fragments). Tags inside `<!-- -->` are not markup.
 * Entity references in values are left as written (rare in ids).
 */
function htmlAnchors(html: string, line: number, column: number, into: AnchorInfo[]): void {
  const source = html.includes('<!--') ? html.replace(HTML_COMMENT, (comment) => comment.replace(/[^\n]/g, ' ')) : html;
  if (!/\s(?:id|name)\s*=/i.test(source)) return;
  for (const tag of source.matchAll(START_TAG)) {
    const element = (tag[1] ?? '').toLowerCase();
    for (const attribute of (tag[2] ?? '').matchAll(ATTRIBUTE)) {
      const key = (attribute[1] ?? '').toLowerCase();
      if (key !== 'id' && !(key === 'name' && element === 'a')) continue;
      const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
      if (value === '') continue;
      const at = (tag.index ?? 0) + 1 + (tag[1]?.length ?? 0) + (attribute.index ?? 0);
      const before = source.slice(0, at);
      const lines = before.split('\n');
      const last = lines[lines.length - 1] ?? '';
      into.push({ id: value, attribute: key, line: line + lines.length - 1, column: lines.length === 1 ? column + last.length : last.length + 1 });
    }
  }
}

/** A block id written on its own line after a block sits one line past the block's end. */
function blockIdLine(node: Nodes, shift: number): number {
  if (node.type === 'paragraph' || node.type === 'listItem') return (node.position?.end.line ?? 1) + shift;
  return (node.position?.end.line ?? 1) + 2 + shift;
}

/** A comment alone on its line silences the next non-blank line; otherwise its own line. */
function suppressedLine(node: Nodes, block: Nodes | undefined, lines: string[], shift: number): number {
  const start = node.position?.start.line ?? 1;
  const end = node.position?.end.line ?? start;
  const alone = !block || (block.type === 'paragraph' && block.children.length === 1);
  if (!alone) return start + shift;
  for (let line = end + 1; line <= lines.length; line++) {
    if ((lines[line - 1] ?? '').trim() !== '') return line + shift;
  }
  return start + shift;
}

/**
 * The text around `length` characters at `at`: about CONTEXT_SIDE characters either side,
 * cut at a space, with `…` where text was left out. Short texts are returned whole.
 */
export function contextAround(text: string, at: number, length: number): string {
  if (text.length <= CONTEXT_CHARS) return text;
  let start = Math.max(0, at - CONTEXT_SIDE);
  let end = Math.min(text.length, at + length + CONTEXT_SIDE);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < at) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > at + length) end = space;
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// The parsed form of a note: plain, JSON-serialisable data (cached and sent across
// worker threads by later stages). Lines and columns are 1-based in the file as stored.
import type { Root } from 'mdast';

export interface Place {
  line: number;
  column: number;
}

export type LinkKind = 'wikilink' | 'embed' | 'markdown' | 'frontmatter';

export type Subpath = { type: 'heading'; headings: string[] } | { type: 'block'; id: string };

export interface LinkRef extends Place {
  kind: LinkKind;
  /** As written up to the `|`, escapes removed: `NVIDIA#Drivers`, `#Heading`, `image.png`. */
  target: string;
  /** The note or file part of the target, `''` for a link into the same note. */
  path: string;
  subpath: Subpath | null;
  /** Display text after `|` (wikilinks) or the link text (Markdown links). */
  display: string | null;
  /** Image size from `|200` or `|200x100` on embeds. */
  size?: { width: number; height?: number };
  /** The sentence (block text) around the link, for backlinks. */
  context: string;
  /** Frontmatter key holding the link, for `frontmatter` links. */
  key?: string;
}

export interface HeadingInfo extends Place {
  text: string;
  depth: number;
}

export interface BlockInfo extends Place {
  id: string;
}

/** An `id` (any element) or `name` (`<a>`) in the note's raw HTML: a `#fragment` a browser lands on. */
export interface AnchorInfo extends Place {
  id: string;
  attribute: 'id' | 'name';
}

export interface TagRef extends Place {
  /** Without `#`: `markets/rotation`. */
  name: string;
  source: 'inline' | 'frontmatter';
}

export interface Suppression {
  /** 0 means the whole file. */
  line: number;
  /** Empty: every rule. */
  rules: string[];
}

export interface FeedRegion {
  feed: string;
  /** `updated=YYYY-MM-DD` kept in the start marker. */
  updated: string | null;
  /** Line of the `<!-- feed: … -->` marker and of the `<!-- /feed -->` marker. */
  startLine: number;
  endLine: number;
}

/** One row of a table: the cells as a reader sees them (link display text, no markup). */
export interface TableRowFact {
  line: number;
  /** Column (1-based) where each cell starts, to place the row's links in their cells. */
  columns: number[];
  cells: string[];
  /** Element id of the row on the note's page (`row-price-targets-nvidia`), unique in the note. */
  id: string;
}

/** A table in the note's body, as data: what entity pages and charts read. */
export interface TableFact {
  /** File lines of the header row and of the last row. */
  line: number;
  endLine: number;
  /** Text of the nearest heading above the table, null before any heading. */
  heading: string | null;
  header: string[];
  rows: TableRowFact[];
}

/** A `%% chart: … %%` comment: the text after `chart:`, and the table it sits on. */
export interface ChartMark extends Place {
  spec: string;
  /** Line of the table's header row: the comment's next line, or the one after a feed start marker there. Null: no table. */
  tableLine: number | null;
}

export interface DateMark extends Place {
  date: string;
}

export interface NoteIssue extends Place {
  rule: 'invalid-frontmatter' | 'parse-error';
  message: string;
  /** This issue is why the note is left out of the site: Almanac cannot tell it is public. */
  unpublished?: boolean;
  /** Severity when almanac.yaml does not set the rule's: a value Almanac ignores is a warning. */
  severity?: 'warning';
}

export interface ParsedNote {
  /** Vault-relative, forward slashes: `Rotations/Sector Rotation.md`. */
  path: string;
  /** File name without `.md`. */
  name: string;
  title: string;
  type: string | null;
  aliases: string[];
  tags: TagRef[];
  publish: boolean;
  frontmatter: Record<string, unknown>;
  /** Line of each top-level frontmatter key. */
  frontmatterLines: Record<string, number>;
  /** File line where the Markdown body starts (1 when there is no frontmatter). */
  bodyLine: number;
  headings: HeadingInfo[];
  blocks: BlockInfo[];
  /** Anchors in raw HTML outside comments (`<span id="page-5">`, `<a name="top">`). */
  anchors: AnchorInfo[];
  links: LinkRef[];
  suppressions: Suppression[];
  feedRegions: FeedRegion[];
  /** `*Updated YYYY-MM-DD*` lines in the body, in order. */
  updatedMarks: DateMark[];
  /** The body's tables, in order (rows with their page ids). */
  tables: TableFact[];
  /** `%% chart: … %%` comments, in order. */
  charts: ChartMark[];
  issues: NoteIssue[];
  /** Body tree (positions relative to the body; add `bodyLine - 1` for file lines). */
  tree: Root;
}

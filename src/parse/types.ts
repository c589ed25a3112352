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
  issues: NoteIssue[];
  /** Body tree (positions relative to the body; add `bodyLine - 1` for file lines). */
  tree: Root;
}

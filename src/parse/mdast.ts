// The mdast nodes Obsidian syntax adds. Plain data, like every mdast node.
import type { Parent, Literal, PhrasingContent, BlockContent, DefinitionContent, Data } from 'mdast';

/** `[[target|alias]]` or, with `embed`, `![[target|alias]]`. */
export interface ObsidianLink extends Literal {
  type: 'obsidianLink';
  /** The link as written up to the `|`, escapes removed: `NVIDIA#Drivers`. */
  value: string;
  alias: string | null;
  embed: boolean;
}

/** Transient node produced by the embed syntax; the transform turns it into an ObsidianLink. */
export interface ObsidianEmbedWrapper extends Parent {
  type: 'obsidianEmbedWrapper';
  children: PhrasingContent[];
}

export interface ObsidianComment extends Literal {
  type: 'obsidianComment';
}

export interface Highlight extends Parent {
  type: 'highlight';
  children: PhrasingContent[];
}

export interface Tag extends Literal {
  type: 'tag';
  /** As written: `#markets/rotation`. */
  value: string;
  /** Without the `#`: `markets/rotation`. */
  name: string;
}

export type CalloutFold = '+' | '-' | null;

/** `> [!type]± Title` blockquote. `title` is the phrasing content after the marker. */
export interface Callout extends Parent {
  type: 'callout';
  calloutType: string;
  fold: CalloutFold;
  title: PhrasingContent[];
  children: Array<BlockContent | DefinitionContent>;
}

interface WikiLinkData extends Data {
  alias?: string | null;
}
interface WikiLink extends Literal {
  type: 'wikiLink';
  data?: WikiLinkData;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    obsidianLink: ObsidianLink;
    obsidianEmbedWrapper: ObsidianEmbedWrapper;
    obsidianComment: ObsidianComment;
    highlight: Highlight;
    tag: Tag;
    wikiLink: WikiLink;
  }
  interface RootContentMap {
    obsidianLink: ObsidianLink;
    obsidianEmbedWrapper: ObsidianEmbedWrapper;
    obsidianComment: ObsidianComment;
    highlight: Highlight;
    tag: Tag;
    wikiLink: WikiLink;
    callout: Callout;
  }
  interface BlockContentMap {
    obsidianComment: ObsidianComment;
    callout: Callout;
  }
  interface Data {
    /** Obsidian block id (`^id`) attached to this block. */
    blockId?: string;
    /** Body line of the `^id` (block-ids.ts), where the block's id is written. */
    blockIdLine?: number;
  }
}

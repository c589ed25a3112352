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

declare module 'mdast' {
  interface PhrasingContentMap {
    obsidianLink: ObsidianLink;
    obsidianComment: ObsidianComment;
    highlight: Highlight;
    tag: Tag;
  }
  interface RootContentMap {
    obsidianLink: ObsidianLink;
    obsidianComment: ObsidianComment;
    highlight: Highlight;
    tag: Tag;
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

// The mdast nodes math adds, in mdast-util-math's shapes (so remark-math tooling reads them).
import type { Data, Literal } from 'mdast';

interface InlineMathData extends Data {
  /** `$$…$$` inside a paragraph: Obsidian shows it as display math. */
  display?: boolean;
}

/** `$…$` (or `$$…$$` within a paragraph): the TeX between the markers, as written. */
export interface InlineMath extends Literal {
  type: 'inlineMath';
  data?: InlineMathData;
}

/** A `$$` block: the TeX between the fence lines. */
export interface MathBlock extends Literal {
  type: 'math';
  meta: string | null;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    inlineMath: InlineMath;
  }
  interface RootContentMap {
    inlineMath: InlineMath;
    math: MathBlock;
  }
  interface BlockContentMap {
    math: MathBlock;
  }
}

// A note a note worker keeps between parsing and rendering (note.worker.ts). Its tree waits as
// JSON text until rendering reads it: the text is ~2.5 bytes per byte of Markdown where the
// tree's objects are ~14 (2,000 generated notes: 16 MB of JSON against 91 MB of trees, their
// unread positions already dropped), and the trees were most of a note worker's heap — the
// build's peak memory on a large vault. Read once, the tree is kept as objects (a note other
// notes embed is read again by each of them) until rendering replaces it.
import type { Root } from 'mdast';
import type { LinkRef } from '../parse/types.js';
import type { RenderNote } from '../publish/render/scope.js';

/** What rendering reads of a note besides its tree (publish/facts/tables.ts tableFactsOf). */
type NoteFacts = Pick<RenderNote, 'tables' | 'charts' | 'feedRegions' | 'date'>;

export class HeldNote implements RenderNote {
  declare readonly tables?: RenderNote['tables'];
  declare readonly charts?: RenderNote['charts'];
  declare readonly feedRegions?: RenderNote['feedRegions'];
  declare readonly date?: RenderNote['date'];
  private json: string | null = null;
  private parsed: Root | null;

  constructor(
    readonly path: string,
    readonly title: string,
    readonly bodyLine: number,
    tree: Root,
    /** Its links, in order (paired with how they resolved). */
    readonly links: LinkRef[],
    /** Every fact rendering reads, as the in-thread build gives it (copied as is). */
    facts: NoteFacts,
  ) {
    this.parsed = tree;
    Object.assign(this, facts);
  }

  get tree(): Root {
    if (this.parsed === null) {
      this.parsed = JSON.parse(this.json ?? '{"type":"root","children":[]}') as Root;
      this.json = null;
    }
    return this.parsed;
  }

  set tree(tree: Root) {
    this.parsed = tree;
    this.json = null;
  }

  /** Keep the tree as text until it is read again (what it caches by the note, heading ids, is computed first). */
  pack(): void {
    if (this.parsed === null) return;
    this.json = JSON.stringify(this.parsed);
    this.parsed = null;
  }
}

// One note's HTML from its already-parsed tree: remark-rehype with Obsidian handlers,
// raw HTML parsed only when present, then rehype-sanitize and rehype-stringify.
import type { Root as HastRoot, Nodes as HastNodes } from 'hast';
import type { Root } from 'mdast';
import { raw } from 'hast-util-raw';
import type { VFile } from 'vfile';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { BuildWarning } from '../model/warnings.js';
import { headingAnchors, headingIdAt, titleHeading } from './heading-ids.js';
import { createHandlers } from './handlers.js';
import { noteSanitizeSchema } from './sanitize-schema.js';
import { rehypeUserContentIds } from './user-ids.js';
import { rehypeIframes } from './embed/iframes.js';
import { createScope, type RenderEntry, type RenderSite } from './scope.js';
import { noteSummary } from './summary.js';
import { escapeHtml } from '../../util/escape-html.js';
import { featureList, type PageFeature } from './features.js';
import { openTrustedFragments } from './trusted.js';

export interface TocEntry {
  id: string;
  text: string;
  depth: number;
}

export interface RenderedNote {
  html: string;
  toc: TocEntry[];
  /** Id of the heading that repeated the title, now on the page's `<h1>`. */
  titleId: string | null;
  warnings: BuildWarning[];
  /** The feed's summary of the note (see summary.ts). */
  summary: string;
  /** What the page needs beyond the site's own assets (features.ts). */
  features: PageFeature[];
}

/** Parse raw HTML from notes into elements (so sanitize sees them) only when a note has some. */
function rehypeRawWhenPresent() {
  // With the file, parsed elements keep their lines (blocked-iframe warnings name them, iframes.ts).
  return (tree: HastRoot, file: VFile): HastRoot => (hasRaw(tree) ? (raw(tree, { file }) as HastRoot) : tree);
}

function hasRaw(node: HastNodes): boolean {
  if (node.type === 'raw') return true;
  return 'children' in node && node.children.some((child) => hasRaw(child));
}

/** One note's HTML. Never throws: a note that cannot be rendered (nesting deep enough to
 * overflow the stack in a tree walker, see parse/nesting.ts) becomes a placeholder page
 * and a `parse-error` warning, and the rest of the site renders as usual. */
export function renderNote(site: RenderSite, entry: RenderEntry): RenderedNote {
  try {
    return renderTree(site, entry);
  } catch (error) {
    const message = `The note could not be rendered (${error instanceof Error ? error.message : String(error)})`;
    return {
      html: `<div class="parse-error"><p>${escapeHtml(message)}.</p></div>`,
      toc: [],
      titleId: null,
      warnings: [{ file: entry.note.path, line: entry.note.bodyLine, column: 1, rule: 'parse-error', message }],
      summary: '',
      features: [],
    };
  }
}

function renderTree(site: RenderSite, entry: RenderEntry): RenderedNote {
  const warnings: BuildWarning[] = [];
  // A note the parser refused is one placeholder paragraph (parse/nesting.ts): say so in the build too.
  const refused = entry.note.tree.children[0]?.data?.parseError;
  if (refused)
    warnings.push({ file: entry.note.path, line: refused.line, column: 1, rule: 'parse-error', message: `The note could not be rendered: ${refused.message}` });
  const scope = createScope(site, entry, 0, [], warnings);
  // KaTeX's math and other trusted fragments go in after sanitizing (trusted.ts).
  const trusted = openTrustedFragments(scope.features);
  const processor = unified()
    // Footnote ids unprefixed here: rehype-sanitize prefixes them with every other id.
    .use(remarkRehype, { handlers: createHandlers(scope), allowDangerousHtml: true, clobberPrefix: '' })
    .use(rehypeRawWhenPresent)
    .use(rehypeSanitize, noteSanitizeSchema)
    // Iframes are kept or removed here, by host, after sanitizing (iframes.ts).
    .use(rehypeIframes, scope)
    .use(rehypeUserContentIds)
    .use(rehypeStringify);
  const title = titleHeading(entry.note);
  const tree: Root = title ? { ...entry.note.tree, children: entry.note.tree.children.filter((node) => node !== title) } : entry.note.tree;
  const html = trusted.splice(processor.stringify(processor.runSync(tree)));
  const shift = entry.note.bodyLine - 1;
  const titleLine = title?.position ? title.position.start.line + shift : null;
  const toc = headingAnchors(entry.note)
    .filter((anchor) => anchor.line !== titleLine)
    .map(({ id, text, depth }) => ({ id, text, depth }));
  const titleId = titleLine === null ? null : (headingIdAt(entry.note, titleLine) ?? null);
  return { html, toc, titleId, warnings, summary: noteSummary(entry.note), features: featureList(scope.features) };
}

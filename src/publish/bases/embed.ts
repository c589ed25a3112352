// `![[x.base]]` and `![[x.base#View]]` in a note: the view's markup as the main thread
// computed it for this note (site-bases.ts), looked up by embedEntryKey. Rendering runs in
// note workers too, so the markup arrives as plain hast (RenderSite.baseEmbeds).
import type { ElementContent } from 'hast';
import type { ResolvedLink } from '../../resolve/index.js';
import { el, text } from '../render/hast.js';
import type { RenderScope } from '../render/scope.js';

export const BASE_FILE = /\.base$/i;

/** The key of one embed: the embedding note, the base file, the view named after `#` ('' for the first). */
export function embedEntryKey(notePath: string, basePath: string, view: string | null): string {
  return `${notePath}\0${basePath}\0${view ?? ''}`;
}

/** The view an embed names after `#`, or null for the base's first view. */
export function embedView(link: ResolvedLink): string | null {
  return link.link.subpath?.type === 'heading' ? link.link.subpath.headings.join('#') : null;
}

export function isBaseEmbed(link: ResolvedLink | undefined): boolean {
  return Boolean(link && link.link.kind === 'embed' && link.file && BASE_FILE.test(link.file));
}

export function baseEmbed(scope: RenderScope, link: ResolvedLink): ElementContent {
  const found = link.file ? scope.site.baseEmbeds?.get(embedEntryKey(scope.note.note.path, link.file, embedView(link))) : undefined;
  // A base in an excluded folder is as private as the notes there.
  if (!found) return el('div', { className: ['embed', 'embed-private'] }, [text('This content is not published.')]);
  return el('div', { className: ['embed', 'embed-base'] }, [structuredClone(found)]);
}

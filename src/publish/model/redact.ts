// Redaction: a published page must not name a private note in literal text. Links that
// Markdown parsed are rendered already (a private target shows its display text, an embed a
// placeholder); what is left is wikilink syntax Markdown did not parse: inside raw HTML
// blocks, code, escaped brackets, attribute values. Every literal `[[…]]` or `![[…]]` there
// whose target names a private note (unpublished or excluded, by path, file name or alias)
// or an unpublished attachment becomes REDACTED, display text included. Plain mentions of a
// name without brackets are not found (see the README).
import { decodeHTML } from 'entities';
import { splitTarget } from '../../parse/link-target.js';
import type { SiteModel } from './site-model.js';

/** What a redacted `[[…]]` becomes, in page text and in the search index. */
export const REDACTED = '[[…]]';

/** A literal wikilink or embed: no brackets or line breaks inside, at most 500 characters. */
const LITERAL_LINK = /!?\[\[([^[\]\n]{1,500})\]\]/g;

export interface Redactor {
  /** Plain text (a backlink sentence, a heading, a description). */
  text(value: string): string;
  /** Almanac's rendered HTML: text and attribute values alike (entities decoded to compare). */
  html(value: string): string;
}

const cache = new WeakMap<SiteModel, Redactor>();

/** The redactor of a site (made once per site model). */
export function redactorOf(site: SiteModel): Redactor {
  let redactor = cache.get(site);
  if (!redactor) {
    redactor = createRedactor(site);
    cache.set(site, redactor);
  }
  return redactor;
}

function createRedactor(site: SiteModel): Redactor {
  const isPrivate = privateTargetTest(site);
  const replace = (value: string, decode: (inner: string) => string): string => {
    if (!value.includes('[[')) return value;
    return value.replace(LITERAL_LINK, (whole, inner: string) => (isPrivate(decode(inner)) ? REDACTED : whole));
  };
  return {
    text: (value) => replace(value, (inner) => inner),
    html: (value) => replace(value, (inner) => decodeHTML(inner)),
  };
}

/** Whether a literal link's inner text (`Target#Heading|Display`) names something the site does not publish. */
function privateTargetTest(site: SiteModel): (inner: string) => boolean {
  const { index } = site.graph;
  const published = new Set(site.notes.map((entry) => entry.note.path));
  const unpublishedNote = (paths: Iterable<{ path: string }> | undefined): boolean => {
    for (const note of paths ?? []) if (!published.has(note.path)) return true;
    return false;
  };
  const unpublishedFile = (paths: Iterable<string> | undefined): boolean => {
    for (const path of paths ?? []) if (!site.attachments.has(path)) return true;
    return false;
  };
  return (inner) => {
    // `\|` is how a table cell escapes the alias bar.
    const target = inner.replace(/\\\|/g, '|').split('|')[0] ?? '';
    const path = splitTarget(target.trim())
      .path.trim()
      .replace(/^(?:\.\/|\/)+/, '');
    if (path === '') return false;
    const key = path.toLowerCase();
    const bare = key.endsWith('.md') ? key.slice(0, -3) : key;
    const name = bare.slice(bare.lastIndexOf('/') + 1);
    const byPath = index.byPath.get(bare);
    const attachment = index.attachmentsByPath.get(key);
    return (
      unpublishedNote(byPath ? [byPath] : undefined) ||
      unpublishedNote(index.byName.get(name)) ||
      unpublishedNote(index.byAlias.get(key)) ||
      unpublishedFile(attachment ? [attachment] : undefined) ||
      unpublishedFile(index.attachmentsByName.get(key.slice(key.lastIndexOf('/') + 1)))
    );
  };
}

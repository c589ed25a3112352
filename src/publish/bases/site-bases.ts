// Obsidian Bases on the site, computed on the main thread (a view reads every published
// note's frontmatter, tags and links): a page per published `.base` file with each of its
// views, and each `![[x.base]]` / `![[x.base#View]]` embed of a published note as plain hast,
// keyed by embedEntryKey, which rendering (here or in a note worker) puts in place.
import type { Element } from 'hast';
import type { BaseFile } from '../../bases/evaluate.js';
import { parseBase, type BaseDefinition } from '../../bases/parse.js';
import { runView } from '../../bases/query.js';
import type { VaultText } from '../../vault/load.js';
import type { SiteModel } from '../model/site-model.js';
import type { BuildWarning } from '../model/warnings.js';
import { safeSlug } from '../model/generated-pages.js';
import { slugifySegment } from '../model/slug.js';
import { pageUrl } from '../model/urls.js';
import type { Excluder } from '../../config/exclude.js';
import { el, text } from '../render/hast.js';
import { unsupportedBox, viewElement } from './table.js';
import { embedEntryKey, embedView } from './embed.js';

export const BASE_FILE = /\.base$/i;

export interface BasePage {
  path: string;
  slug: string;
  url: string;
  title: string;
  /** One element per view, or the box saying why the base cannot be shown. */
  views: Element[];
}

export interface SiteBases {
  pages: BasePage[];
  /** embedEntryKey → the embed's markup. */
  embeds: Map<string, Element>;
  warnings: BuildWarning[];
}

/** The slug of a base's page: its path slugged with `.base` kept as `-base` (`Bases/Books.base` → `bases/books-base`). */
function baseSlug(path: string): string {
  return path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => slugifySegment(segment) || 'untitled')
    .join('/');
}

export function placeBases(site: SiteModel, texts: readonly VaultText[], excluded: Excluder): SiteBases {
  const result: SiteBases = { pages: [], embeds: new Map(), warnings: [] };
  const definitions = new Map<string, BaseDefinition | null>();
  const files = site.notes.map(({ note }) => baseFileOf(site, note.path));
  const resolve = resolver(site);
  const warned = new Set<string>();
  const warn = (file: string, line: number, message: string): void => {
    const key = `${file}\0${line}\0${message}`;
    if (warned.has(key)) return;
    warned.add(key);
    result.warnings.push({ file, line, column: 1, rule: 'base', message });
  };
  // A view whose base never says `this` selects the same rows wherever it is embedded: run it once.
  const contextFree = new Set<string>();
  const once = new Map<string, Element>();
  for (const { path, source } of texts) {
    if (!BASE_FILE.test(path) || excluded.excludes(path)) continue;
    if (!/\bthis\b/.test(source)) contextFree.add(path);
    const parsed = parseBase(path, source);
    if ('problem' in parsed) {
      warn(path, parsed.problem.line, parsed.problem.message);
      definitions.set(path, null);
    } else {
      definitions.set(path, parsed.base);
    }
    const slug = site.slugs.take(safeSlug(baseSlug(path)));
    const title = path.slice(path.lastIndexOf('/') + 1).replace(BASE_FILE, '');
    const base = definitions.get(path);
    const self: BaseFile = { path, frontmatter: {}, tags: [], links: [] };
    const views = !base
      ? [unsupportedBox(path, 'this base could not be read (see the build warnings)')]
      : base.views.length === 0
        ? [unsupportedBox(path, 'the base has no views')]
        : base.views.map((view, index) => {
            const shown = runView({ base, viewName: view.name ?? null, view, files, self, resolve });
            if (shown.kind === 'unsupported') warn(path, shown.line, `Bases: ${shown.message}`);
            return el('section', {}, [el('h2', {}, [text(view.name ?? `View ${index + 1}`)]), viewElement({ site, basePath: path }, shown)]);
          });
    result.pages.push({ path, slug, url: pageUrl(site.base, slug), title, views });
  }
  for (const { note } of site.notes) {
    for (const link of site.graph.outgoing.get(note.path) ?? []) {
      if (link.link.kind !== 'embed' || !link.file || !BASE_FILE.test(link.file)) continue;
      const view = embedView(link);
      const key = embedEntryKey(note.path, link.file, view);
      if (result.embeds.has(key)) continue;
      const base = definitions.get(link.file);
      if (base === undefined) continue;
      if (base === null) {
        result.embeds.set(key, unsupportedBox(link.file, 'this base could not be read (see the build warnings)'));
        continue;
      }
      const shared = contextFree.has(link.file) ? `${link.file}\0${view ?? ''}` : null;
      const known = shared === null ? undefined : once.get(shared);
      if (known) {
        result.embeds.set(key, structuredClone(known));
        continue;
      }
      const shown = runView({ base, viewName: view, files, self: baseFileOf(site, note.path), resolve });
      // Said once per note and line; a shared view's unsupported box is the same everywhere, so its later embeds say it too.
      if (shown.kind === 'unsupported') warn(note.path, link.link.line, `Bases: ${link.file}${view ? `#${view}` : ''}: ${shown.message}`);
      const element = viewElement({ site, basePath: link.file }, shown);
      if (shared !== null && shown.kind !== 'unsupported') once.set(shared, element);
      result.embeds.set(key, element);
    }
  }
  return result;
}

function baseFileOf(site: SiteModel, path: string): BaseFile {
  const entry = site.byPath.get(path);
  const note = entry?.note;
  const links = new Set<string>();
  for (const link of site.graph.outgoing.get(path) ?? []) {
    const target = link.note ?? link.file;
    if (target) links.add(target);
  }
  return { path, frontmatter: note?.frontmatter ?? {}, tags: note ? [...new Set(note.tags.map((tag) => tag.name))] : [], links: [...links] };
}

/** A link target as the vault resolves a bare name: path first, then file name (first by path). */
function resolver(site: SiteModel): (target: string) => string | null {
  const { index } = site.graph;
  return (target) => {
    const name = target.trim().toLowerCase();
    const withoutMd = name.endsWith('.md') ? name.slice(0, -3) : name;
    const note = index.byPath.get(withoutMd) ?? index.byName.get(withoutMd)?.[0];
    if (note) return note.path;
    return index.attachmentsByPath.get(name) ?? index.attachmentsByName.get(name)?.[0] ?? null;
  };
}

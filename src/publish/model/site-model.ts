// The site as data: which notes are published, the slug and URL of each, and the
// attachments they use. Everything later (rendering, listings, graph, search) reads
// this model and never looks at an unpublished note again.
import type { ParsedNote } from '../../parse/types.js';
import type { LinkGraph } from '../../resolve/index.js';
import type { SiteOptions } from '../../config/site.js';
import { reservedSlugs, safeSlug } from './generated-pages.js';
import { slugifyPath, slugifySegment, SlugAllocator } from './slug.js';
import { permalinkRequest } from './permalink.js';
import { fileUrl, pageUrl } from './urls.js';
import { createExcluder, type Excluder } from '../../config/exclude.js';
import { excludeWarnings, privacyWarnings } from './privacy-warnings.js';
import type { BuildWarning } from './warnings.js';
import type { Element } from 'hast';
import type { VaultText } from '../../vault/load.js';
import { BASE_FILE, placeBases, type BasePage } from '../bases/site-bases.js';
import { placeCanvases, type SiteCanvas } from '../canvas/model.js';

export interface SiteNote {
  note: ParsedNote;
  slug: string;
  /** Base-prefixed URL of its page. */
  url: string;
  /** The note's natural slug, when a `permalink` put its page elsewhere: a redirect is written there. */
  redirectFrom?: string;
}

export interface SiteAttachment {
  /** Vault-relative path of the source file. */
  path: string;
  /** Output-relative path it is copied to. */
  output: string;
  url: string;
}

export interface SiteModel {
  base: string;
  /** `site.title`, else the home note's title, else "Almanac". */
  title: string;
  options: SiteOptions;
  vaultRoot: string;
  graph: LinkGraph;
  /** Published notes, sorted by path. */
  notes: SiteNote[];
  byPath: Map<string, SiteNote>;
  /** The vault's `index.md`, rendered as the home page. */
  home: SiteNote | null;
  /** Attachments linked or embedded by published notes. */
  attachments: Map<string, SiteAttachment>;
  /** Pages of published .base files (publish/bases/). */
  basePages: BasePage[];
  /** Their URLs by vault path: `[[x.base]]` links to the page (render/links.ts). */
  baseUrls: Map<string, string>;
  /** `![[x.base#View]]` embeds of published notes, by embedEntryKey (publish/bases/site-bases.ts). */
  baseEmbeds: Map<string, Element>;
  /** Published .canvas files by vault path, each with its page (publish/canvas/). */
  canvases: Map<string, SiteCanvas>;
  /** Slugs already handed out; listings and alias redirects take theirs after the notes. */
  slugs: SlugAllocator;
  /** Notes left out because Almanac cannot tell they are public, and `site.exclude` entries that match nothing. */
  warnings: BuildWarning[];
}

export interface ModelInput {
  notes: ParsedNote[];
  graph: LinkGraph;
  vaultRoot: string;
  base: string;
  options: SiteOptions;
  /** The vault's .base (and .canvas) files, read by the scan. */
  texts?: readonly VaultText[] | undefined;
}

export function buildSiteModel(input: ModelInput): SiteModel {
  const { graph, base, options } = input;
  const slugs = new SlugAllocator();
  // Notes take their slugs first; generated pages a note displaces move (generated-pages.ts).
  for (const slug of reservedSlugs()) slugs.reserve(slug);
  const excluded = createExcluder(options.exclude);
  const published = input.notes.filter((note) => isPublished(note, excluded));
  const homeNote = published.find((note) => note.path.toLowerCase() === 'index.md');
  const notes: SiteNote[] = [];
  const byPath = new Map<string, SiteNote>();
  let home: SiteNote | null = null;
  if (homeNote) {
    slugs.reserve('');
    home = { note: homeNote, slug: '', url: pageUrl(base, '') };
  }
  const placed = placeNotes(
    published.filter((note) => note !== homeNote),
    slugs,
    base,
  );
  for (const note of published) {
    const entry = note === homeNote && home ? home : (placed.placed.get(note) ?? noteEntry(note, slugs, base));
    notes.push(entry);
    byPath.set(note.path, entry);
  }
  const canvases = placeCanvases(graph, slugs, base, excluded);
  const title = options.title ?? home?.note.title ?? 'Almanac';
  const warnings = [
    ...excludeWarnings(options, input.vaultRoot, [...input.notes.map((note) => note.path), ...graph.index.attachmentsByPath.values()]),
    ...privacyWarnings(input.notes, excluded),
    ...placed.warnings,
  ];
  const site: SiteModel = {
    base,
    title,
    options,
    vaultRoot: input.vaultRoot,
    graph,
    notes,
    byPath,
    home,
    attachments: usedAttachments(notes, graph, base, excluded, canvases),
    canvases,
    basePages: [],
    baseUrls: new Map(),
    baseEmbeds: new Map(),
    slugs,
    warnings,
  };
  const bases = placeBases(site, input.texts ?? [], excluded);
  site.basePages = bases.pages;
  site.baseUrls = new Map(bases.pages.map((page) => [page.path, page.url]));
  site.baseEmbeds = bases.embeds;
  site.warnings.push(...bases.warnings);
  return site;
}

/**
 * Every note's slug but the home page's. Notes take their natural slugs first, in path order;
 * then notes with a `permalink` (permalink.ts) take theirs. One that another note's URL, an
 * earlier permalink (by path) or a reserved folder has is not taken: the note keeps its
 * natural URL, with a warning. A note at its permalink gets a redirect at its natural URL,
 * taken before alias redirects are.
 */
function placeNotes(notes: ParsedNote[], slugs: SlugAllocator, base: string): { placed: Map<ParsedNote, SiteNote>; warnings: BuildWarning[] } {
  const placed = new Map<ParsedNote, SiteNote>();
  const warnings: BuildWarning[] = [];
  const warn = (note: ParsedNote, message: string): void => {
    warnings.push({ file: note.path, line: note.frontmatterLines.permalink ?? 1, column: 1, rule: 'permalink', message });
  };
  const owners = new Map<string, string>();
  const place = (note: ParsedNote, slug: string): SiteNote => {
    const entry: SiteNote = { note, slug, url: pageUrl(base, slug) };
    placed.set(note, entry);
    owners.set(slug, note.path);
    return entry;
  };
  const asking: Array<{ note: ParsedNote; slug: string }> = [];
  for (const note of notes) {
    const request = permalinkRequest(note);
    if (request !== null && 'slug' in request) {
      asking.push({ note, slug: request.slug });
      continue;
    }
    if (request !== null) warn(note, `${request.problem}; the note keeps its own URL`);
    place(note, slugs.take(safeSlug(slugifyPath(note.path))));
  }
  const moved: SiteNote[] = [];
  for (const { note, slug: wanted } of asking) {
    const free = safeSlug(wanted) === wanted ? slugs.takeIfFree(wanted) : null;
    if (free !== null) {
      moved.push(place(note, free));
      continue;
    }
    const owner = owners.get(wanted);
    const entry = place(note, slugs.take(safeSlug(slugifyPath(note.path))));
    warn(
      note,
      `Permalink “${wanted}” is ${owner ? `already the URL of ${owner}` : 'a URL Almanac keeps for its own pages'}; the note keeps its own URL ${entry.url}`,
    );
  }
  for (const entry of moved) {
    const from = slugs.takeIfFree(safeSlug(slugifyPath(entry.note.path)));
    if (from !== null) entry.redirectFrom = from;
  }
  return { placed, warnings };
}

function noteEntry(note: ParsedNote, slugs: SlugAllocator, base: string): SiteNote {
  const slug = slugs.take(safeSlug(slugifyPath(note.path)));
  return { note, slug, url: pageUrl(base, slug) };
}

/** Published: `publish` is true (see readPublish in parse/index.ts) and no `site.exclude` entry matches. */
export function isPublished(note: ParsedNote, excluded: Excluder): boolean {
  return note.publish && !excluded.excludes(note.path);
}

/** Attachments that published notes link to or embed (outside excluded folders), each at `files/<slugged path>`. */
function usedAttachments(
  notes: SiteNote[],
  graph: LinkGraph,
  base: string,
  excluded: Excluder,
  canvases: Map<string, SiteCanvas>,
): Map<string, SiteAttachment> {
  const paths = new Set<string>();
  // A canvas's links land on its page, not its JSON; the images its file nodes show are copied.
  // A base is published as its page only: its filters may name private notes and folders.
  for (const path of [...notes.map((entry) => entry.note.path), ...canvases.keys()]) {
    for (const link of graph.outgoing.get(path) ?? []) {
      if (link.file && !excluded.excludes(link.file) && !canvases.has(link.file) && !BASE_FILE.test(link.file)) paths.add(link.file);
    }
  }
  const taken = new Set<string>();
  const attachments = new Map<string, SiteAttachment>();
  for (const path of [...paths].sort()) {
    const { stem, extension } = attachmentSlug(path);
    let output = `files/${stem}${extension}`;
    for (let n = 2; taken.has(output.toLowerCase()); n++) output = `files/${stem}-${n}${extension}`;
    taken.add(output.toLowerCase());
    attachments.set(path, { path, output, url: fileUrl(base, output) });
  }
  return attachments;
}

function attachmentSlug(path: string): { stem: string; extension: string } {
  const segments = path.split('/');
  const file = segments.pop() ?? 'file';
  const dot = file.lastIndexOf('.');
  const name = dot > 0 ? file.slice(0, dot) : file;
  const extension =
    dot > 0
      ? file
          .slice(dot)
          .toLowerCase()
          .replace(/[^.a-z0-9]/g, '')
      : '';
  const folders = segments.map((segment) => slugifySegment(segment) || 'untitled');
  return { stem: [...folders, slugifySegment(name) || 'file'].join('/'), extension };
}

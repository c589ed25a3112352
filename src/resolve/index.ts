// resolveLinks: every link of every note, resolved as Obsidian resolves it.
import { posix } from 'node:path';
import type { HeadingInfo, LinkRef, ParsedNote } from '../parse/types.js';
import type { Vault } from '../vault/load.js';
import { buildLinkIndex, fileName, folderOf, stripMd, type LinkIndex } from './link-index.js';
import { findHeading } from './headings.js';
import { parseCanvases } from '../canvas/parse.js';
import { canvasAsSource } from '../canvas/source.js';
import type { ParsedCanvas } from '../canvas/types.js';

export { normaliseHeading, findHeading } from './headings.js';
export { buildLinkIndex, type LinkIndex } from './link-index.js';

export type LinkStatus = 'resolved' | 'unresolved-link' | 'unresolved-heading' | 'unresolved-block' | 'unresolved-attachment' | 'ambiguous-link' | 'alias-link';

export interface ResolvedLink {
  /** Path of the note holding the link. */
  source: string;
  link: LinkRef;
  status: LinkStatus;
  /** The note the link lands on (for `ambiguous-link`, the one Obsidian would open; for `alias-link`, the note owning the alias). */
  note: string | null;
  /** The attachment the link lands on. */
  file: string | null;
  heading?: HeadingInfo;
  blockId?: string;
  /** A Markdown link's `#fragment` that names an HTML anchor (`<span id>`, `<a name>`) in the note, not a heading. */
  anchor?: string;
  /** Equal-rank notes (`ambiguous-link`) or notes with the alias (`alias-link`). */
  candidates?: string[];
}

export interface LinkGraph {
  index: LinkIndex;
  links: ResolvedLink[];
  /** Note path → links written in it. */
  outgoing: Map<string, ResolvedLink[]>;
  /** Note path → links landing on it from other notes. */
  backlinks: Map<string, ResolvedLink[]>;
  /** The vault's .canvas files; their links are in `links`, `outgoing` (by canvas path) and `backlinks` too. */
  canvases?: ParsedCanvas[];
}

const ATTACHMENT_EXTENSION = /\.([a-z0-9]{1,8})$/i;

export function resolveLinks(vault: Vault): LinkGraph {
  const index = buildLinkIndex(vault);
  const graph: LinkGraph = { index, links: [], outgoing: new Map(), backlinks: new Map() };
  for (const note of vault.notes) {
    const outgoing: ResolvedLink[] = [];
    for (const link of note.links) {
      const resolved = resolveLink(index, note, link);
      outgoing.push(resolved);
      graph.links.push(resolved);
      if (resolved.note && resolved.note !== note.path && resolved.status !== 'alias-link') {
        const list = graph.backlinks.get(resolved.note);
        if (list) list.push(resolved);
        else graph.backlinks.set(resolved.note, [resolved]);
      }
    }
    graph.outgoing.set(note.path, outgoing);
  }
  graph.canvases = parseCanvases(vault.texts);
  for (const canvas of graph.canvases) {
    const from = canvasAsSource(canvas);
    const outgoing = canvas.links.map((link) => resolveLink(index, from, link));
    graph.links.push(...outgoing);
    graph.outgoing.set(canvas.path, outgoing);
    for (const resolved of outgoing) {
      if (!resolved.note || resolved.status === 'alias-link') continue;
      const list = graph.backlinks.get(resolved.note);
      if (list) list.push(resolved);
      else graph.backlinks.set(resolved.note, [resolved]);
    }
  }
  return graph;
}

export function resolveLink(index: LinkIndex, from: ParsedNote, link: LinkRef): ResolvedLink {
  const base = { source: from.path, link, file: null };
  if (link.path === '') return withSubpath(base, from, link);
  const paths = pathsToTry(from, link);
  const path = paths[paths.length - 1] ?? link.path;
  const extension = ATTACHMENT_EXTENSION.exec(path)?.[1]?.toLowerCase();
  if (extension && extension !== 'md') {
    const file = findAttachment(index, from, paths);
    if (file) return { ...base, status: 'resolved', note: null, file };
  }
  const found = findNote(index, from, paths);
  if (found.note) {
    const resolved = withSubpath(base, found.note, link);
    if (found.candidates && resolved.status === 'resolved') return { ...resolved, status: 'ambiguous-link', candidates: found.candidates };
    return resolved;
  }
  if (extension && extension !== 'md' && !index.byAlias.has(path.toLowerCase())) {
    return { ...base, status: 'unresolved-attachment', note: null };
  }
  const owners = path.includes('/') ? undefined : index.byAlias.get(path.toLowerCase());
  if (owners && owners.length > 0) {
    return { ...base, status: 'alias-link', note: owners[0]?.path ?? null, candidates: owners.map((note) => note.path) };
  }
  return { ...base, status: 'unresolved-link', note: null };
}

function withSubpath(base: { source: string; link: LinkRef; file: null }, target: ParsedNote, link: LinkRef): ResolvedLink {
  const subpath = link.subpath;
  if (!subpath) return { source: base.source, link, status: 'resolved', note: target.path, file: null };
  if (subpath.type === 'heading') {
    const heading = findHeading(target.headings, subpath.headings);
    if (heading) return { source: base.source, link, status: 'resolved', note: target.path, file: null, heading };
    const anchor = link.kind === 'markdown' ? findAnchor(target, subpath.headings) : undefined;
    if (anchor !== undefined) return { source: base.source, link, status: 'resolved', note: target.path, file: null, anchor };
    return { source: base.source, link, status: 'unresolved-heading', note: target.path, file: null };
  }
  const blockId = blockIds(target).get(subpath.id.toLowerCase());
  return blockId
    ? { source: base.source, link, status: 'resolved', note: target.path, file: null, blockId }
    : { source: base.source, link, status: 'unresolved-block', note: target.path, file: null };
}

/**
 * A Markdown link's fragment as an HTML anchor of the note, as a browser matches it: the
 * whole fragment (one `#`), exactly (ids are case-sensitive). Wikilinks are left to headings
 * and blocks, as in Obsidian, which opens `[[Note#page-5]]` at the top of the note.
 */
function findAnchor(note: ParsedNote, chain: string[]): string | undefined {
  if (chain.length !== 1 || note.anchors === undefined) return undefined;
  const [fragment] = chain;
  return note.anchors.find((anchor) => anchor.id === fragment)?.id;
}

const blockIdCache = new WeakMap<ParsedNote, Map<string, string>>();

/** Lower-cased block id → id as written (first one wins, as in Obsidian). */
function blockIds(note: ParsedNote): Map<string, string> {
  let ids = blockIdCache.get(note);
  if (!ids) {
    ids = new Map();
    for (const block of note.blocks) if (!ids.has(block.id.toLowerCase())) ids.set(block.id.toLowerCase(), block.id);
    blockIdCache.set(note, ids);
  }
  return ids;
}

/**
 * Vault-relative paths to try, best first: relative to the linking note (Markdown
 * links, `./`, `../`), then from the vault root. The last one is the root form.
 */
function pathsToTry(from: ParsedNote, link: LinkRef): string[] {
  const path = link.path.replace(/\\/g, '/');
  const rooted = path.replace(/^(?:\.\/)+/, '').replace(/^\/+/, '');
  const relative = path.startsWith('./') || path.startsWith('../') || (link.kind === 'markdown' && !path.startsWith('/'));
  if (!relative) return [rooted];
  const joined = posix.normalize(posix.join(folderOf(from.path), path));
  return joined.startsWith('../') || joined === rooted ? [rooted] : [joined, rooted];
}

interface FoundNote {
  note: ParsedNote | undefined;
  /** Set when several notes tie for the best rank. */
  candidates?: string[];
}

/** Path match first, then a note in the linking note's folder, then the shortest path. */
function findNote(index: LinkIndex, from: ParsedNote, paths: string[]): FoundNote {
  for (const path of paths) {
    const key = stripMd(path).toLowerCase();
    const exact = index.byPath.get(key);
    if (!exact) continue;
    // `A.md` and `a.md`: the one spelled as the link is, else the first; ambiguous either way.
    const twins = index.caseTwins.get(key);
    if (!twins) return { note: exact };
    const spelled = stripMd(path);
    return { note: twins.find((note) => stripMd(note.path) === spelled) ?? exact, candidates: twins.map((note) => note.path) };
  }
  const spelled = stripMd(paths[paths.length - 1] ?? '').replace(/^(?:\.\.\/)+/, '');
  const key = spelled.toLowerCase();
  const name = spelled.slice(spelled.lastIndexOf('/') + 1);
  const named = index.byName.get(name.toLowerCase()) ?? [];
  const candidates = key.includes('/') ? named.filter((note) => stripMd(note.path).toLowerCase().endsWith(`/${key}`)) : named;
  if (candidates.length <= 1) return { note: candidates[0] };
  const folder = folderOf(from.path);
  const local = candidates.filter((note) => folderOf(note.path) === folder);
  if (local.length > 0) return pick(local, name);
  const depth = (note: ParsedNote): number => note.path.split('/').length;
  const best = Math.min(...candidates.map(depth));
  return pick(
    candidates.filter((note) => depth(note) === best),
    name,
  );
}

/** One note, or the first of equals; of case twins (`A.md`, `a.md`), the one spelled as the link is. */
function pick(notes: ParsedNote[], name: string): FoundNote {
  if (notes.length === 1) return { note: notes[0] };
  const twins = new Set(notes.map((note) => note.path.toLowerCase())).size === 1;
  return { note: (twins ? notes.find((note) => note.name === name) : undefined) ?? notes[0], candidates: notes.map((note) => note.path) };
}

/** Attachments by vault path, else by file name anywhere (nearest first). */
function findAttachment(index: LinkIndex, from: ParsedNote, paths: string[]): string | undefined {
  for (const candidate of paths) {
    const exact = index.attachmentsByPath.get(candidate.toLowerCase());
    if (exact) return exact;
  }
  const path = (paths[paths.length - 1] ?? '').replace(/^(?:\.\.\/)+/, '');
  const named = index.attachmentsByName.get(fileName(path).toLowerCase()) ?? [];
  const key = path.toLowerCase();
  const matches = key.includes('/') ? named.filter((file) => file.toLowerCase().endsWith(`/${key}`)) : named;
  if (matches.length <= 1) return matches[0];
  const folder = folderOf(from.path);
  return matches.find((file) => folderOf(file) === folder) ?? [...matches].sort((a, b) => a.split('/').length - b.split('/').length || a.length - b.length)[0];
}

// serve's first answer to a saved note: its own page, rendered against the site as it
// stood, before the whole-site update (pages linking to it, backlinks elsewhere, graph,
// search, listings) runs. Only for edits that move no URL (same aliases and publish flag),
// on a dated note (no git lookup) that embeds no attachment the site does not have yet.
import type { ParsedNote } from '../../parse/types.js';
import type { Project } from '../../project/index.js';
import { resolveLink, type LinkGraph } from '../../resolve/index.js';
import { noteFreshness } from '../../stale/index.js';
import { changesStructure } from './dependants.js';
import { notePage } from '../pages/note-page.js';
import { renderNote } from '../render/note-html.js';
import type { NotePage } from '../pages/types.js';
import type { SitePlan } from '../pages/plan.js';
import type { SiteModel, SiteNote } from '../model/site-model.js';

export function quickNotePage(plan: SitePlan, project: Project, after: ParsedNote, today: string): NotePage | null {
  const entry = plan.site.byPath.get(after.path);
  if (!entry || changesStructure(entry.note, after)) return null;
  const undated = (after.frontmatter.updated === undefined || after.frontmatter.updated === null) && after.updatedMarks.length === 0;
  if (undated) return null;
  const outgoing = after.links.map((link) => resolveLink(plan.site.graph.index, after, link));
  if (outgoing.some((link) => link.file !== null && !plan.site.attachments.has(link.file))) return null;
  const graph: LinkGraph = { ...plan.site.graph, outgoing: new Map(plan.site.graph.outgoing).set(after.path, outgoing) };
  const next: SiteNote = { ...entry, note: after };
  const site: SiteModel = { ...plan.site, graph, byPath: new Map(plan.site.byPath).set(after.path, next) };
  // Rows of other notes' tables that link here are as they were: the whole-site update redoes them.
  const mentioned = plan.notePages.get(after.path)?.mentioned ?? null;
  return notePage(site, plan.index, next, renderNote(site, next), noteFreshness(after, project.config, { today, gitDates: null }), mentioned);
}

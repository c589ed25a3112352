// What serve writes after an update: nothing, the whole site again (a note added, deleted,
// (un)published or re-aliased, an attachment added or removed: URLs or what is published
// moved), or the pages that depend on the notes that changed.
import type { Project } from '../../project/index.js';
import type { ProjectChange } from '../../project/update.js';
import { todayOf } from '../../config/today.js';
import { changesListings, changesStructure, dependantNotes } from './dependants.js';
import { freshnessOf } from '../model/freshness.js';
import type { SitePages } from '../pages/types.js';
import { replanSite, type SitePlan } from '../pages/plan.js';
import { typeFactColumns } from '../../entities/index.js';
import { previousDeskOf } from '../facts/desk.js';

export type Replan = { kind: 'none' } | { kind: 'full' } | { kind: 'partial'; plan: SitePlan; pages: SitePages };

export function replan(plan: SitePlan, project: Project, change: ProjectChange, today?: string): Replan {
  const attachments = change.attachmentsChanged.filter((path) => plan.site.attachments.has(path));
  if (change.added.length + change.removed.length + change.attachmentsMoved.length > 0) return { kind: 'full' };
  const now = new Map(project.vault.notes.map((note) => [note.path, note]));
  let listings = false;
  for (const path of change.changed) {
    const before = change.before.get(path);
    const after = now.get(path);
    if (!after || changesStructure(before, after)) return { kind: 'full' };
    if (before && changesListings(before, after)) listings = true;
  }
  if (change.changed.length === 0 && attachments.length === 0) return { kind: 'none' };
  const affected = dependantNotes(change.previousGraph, project.graph, change.changed);
  const freshness = freshnessOf(project, todayOf(project.config, today));
  const next = replanSite(
    plan,
    {
      notes: project.vault.notes,
      graph: project.graph,
      vaultRoot: project.vaultDir,
      base: plan.site.base,
      options: plan.site.options,
      texts: project.vault.texts,
      search: plan.layout.search,
      freshness,
      typeFacts: typeFactColumns(project.config),
      // The desk's changed rows: since the last page serve wrote (facts/desk.ts).
      previousDesk: previousDeskOf(plan),
    },
    affected,
    change.changed,
  );
  // The notes rendered again, and those whose local graph changed with them (replanSite).
  const written = next.pages.notes.filter((page) => plan.notePages.get(page.path) !== page);
  const pages: SitePages = {
    notes: written,
    listings: listings ? next.pages.listings : [],
    redirects: [],
    notFound: false,
    sitemap: listings ? next.pages.sitemap : null,
    feed: listings ? next.pages.feed : null,
  };
  return { kind: 'partial', plan: next, pages };
}

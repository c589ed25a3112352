// Test helper: plan a small in-memory site (no files written) and read one note's HTML,
// with either parse path. For tests of what render makes of one construct.
import { readFileSync } from 'node:fs';
import { parseNote } from '../../src/parse/index.js';
import type { ParserChoice } from '../../src/parse/processor.js';
import { resolveLinks } from '../../src/resolve/index.js';
import { defaultConfig } from '../../src/config/schema.js';
import { comparePaths } from '../../src/vault/load.js';
import { planSite, type SitePlan } from '../../src/publish/index.js';
import type { SiteOptions } from '../../src/config/site.js';

/** A fixture note of test/fixtures/render/. */
export function renderFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/render/${name}`, import.meta.url), 'utf8');
}

export interface PlanOptions {
  attachments?: string[];
  parser?: ParserChoice;
  site?: Partial<SiteOptions>;
}

export function planNotes(files: Record<string, string>, options: PlanOptions = {}): SitePlan {
  const notes = Object.entries(files)
    .sort(([a], [b]) => comparePaths(a, b))
    .map(([path, source]) => parseNote(path, source, options.parser ?? 'auto'));
  const vault = { root: '/vault', notes, attachments: options.attachments ?? [] };
  const site = { ...defaultConfig().site, ...options.site };
  return planSite({ notes, graph: resolveLinks(vault), vaultRoot: '/vault', base: '/', options: site, now: new Date('2026-02-01T00:00:00Z') });
}

export function pageHtml(plan: SitePlan, path: string): string {
  const page = plan.notePages.get(path);
  if (!page) throw new Error(`no page for ${path}`);
  return page.html;
}

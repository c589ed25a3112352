// Emit a planned site: Eleventy lays the pages out in a hidden staging folder beside the
// output, then graph.json, assets and attachments; the search index (if any) is finished
// there meanwhile; the folder is swapped in once complete, so a build that fails leaves the
// previous site as it was.
import { TEMPLATES_DIR, writePages } from './eleventy-site.js';
import { copyAssets, copyAttachments, writeGraphJson } from './copy-assets.js';
import { discardStaging, startStaging, swapIn } from './output-dir.js';
import { globalGraph, siteGraph } from '../pages/graph-data.js';
import type { SitePlan } from '../pages/plan.js';
import type { SearchIndexer } from '../search/search-index.js';
import type { BuildProgress } from '../build/build-options.js';
import { tracePhase } from '../build/trace.js';

export async function emitSite(
  plan: SitePlan,
  realOut: string,
  search: SearchIndexer | null,
  progress: ((progress: BuildProgress) => void) | undefined,
): Promise<void> {
  const staging = startStaging(realOut);
  // The index has every note page by now: its worker writes it while Eleventy lays the pages out.
  const indexed = search?.finish(staging);
  // Awaited below, also when writing the pages fails.
  indexed?.catch(() => undefined);
  const total = plan.pages.notes.length + plan.pages.listings.length + plan.pages.redirects.length + 3;
  let written = 0;
  try {
    try {
      await writePages(plan.pages, {
        outDir: staging,
        layout: plan.layout,
        onPage: progress ? () => progress({ phase: 'write', done: ++written, total }) : undefined,
      });
      writeGraphJson(staging, globalGraph(siteGraph(plan.site, plan.index)));
      copyAssets(TEMPLATES_DIR, staging, new Set(plan.pages.notes.flatMap((page) => page.features)));
      copyAttachments(plan.site, staging);
      tracePhase('graph.json and assets');
    } catch (error) {
      // Let the index's write end first: stopping its worker mid-write would leave the hidden
      // folder it stages the index in behind.
      await indexed?.catch(() => undefined);
      throw error;
    }
    if (indexed) {
      progress?.({ phase: 'search', done: 0, total: 0 });
      await indexed;
      tracePhase('search');
    }
    swapIn(staging, realOut);
    tracePhase('swap');
  } catch (error) {
    discardStaging(staging);
    throw error;
  }
}

/** HTML pages a plan writes (notes, listings, redirects, 404). */
export function pageCount(plan: SitePlan): number {
  return plan.pages.notes.length + plan.pages.listings.length + plan.pages.redirects.length + (plan.pages.notFound ? 1 : 0);
}

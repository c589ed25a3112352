// Eleventy renders the pages (alias redirects excepted: see pages/redirect-html.ts). It gets the
// page data Almanac built (notes already parsed and rendered) as global data and paginates over
// it with virtual templates; its input folder is an empty one made for the run, so it never
// reads the vault. It runs dry: each page it renders is handed to a writer thread
// (file-writer.ts), which saves it while Eleventy renders the next.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EleventyConfig } from '@11ty/eleventy';
import type { LayoutData, SitePages } from '../pages/types.js';
import { redirectHtml } from '../pages/redirect-html.js';
import { startFileWriter } from './file-writer.js';
import { tracePhase } from '../build/trace.js';

/** Layouts and partials shipped with Almanac. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/', import.meta.url));

export interface WriteOptions {
  outDir: string;
  layout: LayoutData;
  templatesDir?: string;
  /** Called once per file Eleventy writes (progress). */
  onPage?: () => void;
}

/** Write `pages` into `outDir` (other files there are left alone). Returns the number of files written. */
export async function writePages(pages: SitePages, options: WriteOptions): Promise<number> {
  const input = inputFolder();
  const templates = relative(input, options.templatesDir ?? TEMPLATES_DIR);
  // Loaded when pages are written, not with the library: a warm build that finds the site up to
  // date, `check` and `refresh` never need it (its import is ~0.3 s of a 1.4 s warm build at 10k).
  const { default: Eleventy } = await import('@11ty/eleventy');
  const writer = startFileWriter();
  const written = (): void => options.onPage?.();
  try {
    const eleventy = new Eleventy(input, options.outDir, {
      quietMode: true,
      configPath: false,
      config(config: EleventyConfig) {
        config.setUseGitIgnore(false);
        config.setTemplateFormats(['njk']);
        config.setLayoutsDirectory(templates);
        config.setIncludesDirectory(templates);
        config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
        config.addGlobalData('almanac', { site: options.layout, pages: forTemplates(pages) });
        // Handing 20,000 pages to the writer thread is a large share of a large build by design;
        // Eleventy's "slow transform" notice would print on every such build, quiet mode or not.
        config.benchmarkManager?.get('Configuration').setMinimumThresholdMs(0);
        config.addTransform('almanac-write', function (this: { page: { outputPath?: unknown } }, content: string) {
          const path = this.page.outputPath;
          if (typeof path !== 'string') throw new Error('Eleventy rendered a page without an output path');
          writer.write({ path: resolve(path), content });
          written();
          // Eleventy keeps what the last transform returns (each page's template caches it for
          // the run): the page is the writer's now, so nothing is kept (20,000 pages at 10k
          // notes were ~0.2 GB of strings held until the end). Eleventy renders a paginated
          // template's pages one after another, so waiting here for a writer fallen behind
          // keeps the pages in flight few.
          const ready = writer.ready();
          return ready ? ready.then(() => '') : '';
        });
        addPaginated(config, 'notes', 'note.njk', pages.notes.length);
        addPaginated(config, 'listings', 'listing.njk', pages.listings.length);
        addPaginated(config, 'canvases', 'canvas.njk', pages.canvases?.length ?? 0);
        if (pages.notFound) addSingle(config, 'not-found', 'not-found.njk', { kind: 'not-found', title: 'Page not found', output: '404.html' });
        if (pages.sitemap) addSingle(config, 'sitemap', 'sitemap.njk', { kind: 'sitemap', ...pages.sitemap });
        if (pages.feed) addSingle(config, 'feed', 'feed.njk', { kind: 'feed', ...pages.feed });
      },
    });
    eleventy.disableLogger();
    eleventy.setDryRun(true);
    await eleventy.write();
    tracePhase('eleventy');
    for (const page of pages.redirects) {
      writer.write({ path: resolve(options.outDir, page.output), content: redirectHtml(page, options.layout) });
      written();
    }
    const count = await writer.finish();
    tracePhase('write', count);
    return count;
  } catch (error) {
    await writer.cancel();
    throw error;
  }
}

// Eleventy keeps compiled layouts in a process-wide cache keyed by the input folder, for the
// life of the process: a new folder per run (serve runs Eleventy on every save) would keep
// every earlier run's layouts, and the page data they hold, alive. So one empty folder serves
// every run of this process (Eleventy never writes to it), removed when the process exits.
let sharedInput: string | null = null;

function inputFolder(): string {
  if (sharedInput === null) {
    const folder = mkdtempSync(join(tmpdir(), 'almanac-eleventy-'));
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    sharedInput = folder;
  }
  return sharedInput;
}

interface WithOutput {
  entry?: { output?: unknown };
}

function outputOf(data: WithOutput): string {
  const output = data.entry?.output;
  if (typeof output !== 'string') throw new Error('page data without an output path');
  return output;
}

function addPaginated(config: EleventyConfig, key: keyof SitePages, layout: string, count: number): void {
  if (count === 0) return;
  config.addTemplate(`almanac-${key}.njk`, '', {
    pagination: { data: `almanac.pages.${key}`, size: 1, alias: 'entry' },
    permalink: outputOf,
    layout,
    eleventyExcludeFromCollections: true,
  });
}

function addSingle(config: EleventyConfig, name: string, layout: string, entry: { output: string } & Record<string, unknown>): void {
  config.addTemplate(`almanac-${name}.njk`, '', { entry, permalink: entry.output, layout, eleventyExcludeFromCollections: true });
}

/**
 * The pages as the templates read them: without each note page's "Mentioned in tables" data
 * (its HTML, `mentionedHtml`, is what note.njk prints). Eleventy copies a paginated entry's data
 * for every page it renders; at 10k generated notes the rows cost ~4.5 s of CPU there.
 */
function forTemplates(pages: SitePages): SitePages {
  return { ...pages, notes: pages.notes.map((page) => (page.mentioned ? { ...page, mentioned: null } : page)) };
}

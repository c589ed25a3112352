// Eleventy writes the pages (alias redirects excepted: see pages/redirect-html.ts). It gets the page data Almanac built (notes already parsed
// and rendered) as global data and paginates over it with virtual templates; its input
// folder is an empty one made for the run, so it never reads the vault.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy, { type EleventyConfig } from '@11ty/eleventy';
import type { LayoutData, SitePages } from './pages/types.js';
import { writeRedirects } from './pages/redirect-html.js';

/** Layouts and partials shipped with Almanac. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface WriteOptions {
  outDir: string;
  layout: LayoutData;
  templatesDir?: string;
  /** Called once per file Eleventy writes (progress). */
  onPage?: () => void;
}

/** Write `pages` into `outDir` (other files there are left alone). Returns the number of files written. */
export async function writePages(pages: SitePages, options: WriteOptions): Promise<number> {
  const input = mkdtempSync(join(tmpdir(), 'almanac-eleventy-'));
  const templates = relative(input, options.templatesDir ?? TEMPLATES_DIR);
  let written = 0;
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
        config.addGlobalData('almanac', { site: options.layout, pages });
        config.addTransform('almanac-count', (content: string) => {
          written++;
          options.onPage?.();
          return content;
        });
        addPaginated(config, 'notes', 'note.njk', pages.notes.length);
        addPaginated(config, 'listings', 'listing.njk', pages.listings.length);
        if (pages.notFound) addSingle(config, 'not-found', 'not-found.njk', { kind: 'not-found', title: 'Page not found', output: '404.html' });
        if (pages.sitemap) addSingle(config, 'sitemap', 'sitemap.njk', { kind: 'sitemap', ...pages.sitemap });
        if (pages.feed) addSingle(config, 'feed', 'feed.njk', { kind: 'feed', ...pages.feed });
      },
    });
    eleventy.disableLogger();
    await eleventy.write();
    writeRedirects(pages.redirects, options.outDir, options.layout, () => {
      written++;
      options.onPage?.();
    });
  } finally {
    rmSync(input, { recursive: true, force: true });
  }
  return written;
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

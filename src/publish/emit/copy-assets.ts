// The files of the site Eleventy does not write: the client assets (and the npm modules
// they load, copied as they ship), the attachments published notes use (as bytes, never
// symlinks, and never from outside the vault), and graph.json.
import { copyFileSync, cpSync, existsSync, mkdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import type { SiteAttachment, SiteModel } from '../model/site-model.js';
import { attachmentAllowed, writeAttachment } from '../render/attachment-safety.js';
import type { GraphData } from '../pages/graph-data.js';
import { isInside, realPathOf } from './output-dir.js';
import type { PageFeature } from '../render/features.js';
import { templateAssetWanted, writeFeatureAssets } from './feature-assets.js';
import { minifyCssFile } from './minify-css.js';

/**
 * A d3 package's UMD build (`dist/{name}.min.js`, which runs as a classic script and adds
 * its exports to globalThis.d3), resolved from the package that depends on it.
 */
function d3Umd(name: string, from: string = import.meta.url): string {
  const entry = createRequire(from).resolve(name); // dist/{name}.mjs, the package's `exports`
  return join(dirname(entry), `${name}.min.js`);
}

const D3_FORCE = d3Umd('d3-force');
const D3_ZOOM = d3Umd('d3-zoom');
const D3_TRANSITION = d3Umd('d3-transition', D3_ZOOM);
const D3_INTERPOLATE = d3Umd('d3-interpolate', D3_ZOOM);

/** Client modules from npm packages, copied into `{out}/assets/js/vendor/` as they ship. */
const VENDOR: Record<string, string> = {
  // The Porter stemmer the search index uses (search/words.ts): queries must be stemmed alike.
  'stemmer.js': createRequire(import.meta.url).resolve('stemmer'),
  // The graphs' layout (graph-layout.js) and zoom (graph-interact.js), with what they need;
  // graph-vendor.js loads them only on a page that draws a graph.
  'd3-dispatch.min.js': d3Umd('d3-dispatch', D3_FORCE),
  'd3-quadtree.min.js': d3Umd('d3-quadtree', D3_FORCE),
  'd3-timer.min.js': d3Umd('d3-timer', D3_FORCE),
  'd3-force.min.js': D3_FORCE,
  'd3-color.min.js': d3Umd('d3-color', D3_INTERPOLATE),
  'd3-interpolate.min.js': D3_INTERPOLATE,
  'd3-ease.min.js': d3Umd('d3-ease', D3_TRANSITION),
  'd3-selection.min.js': d3Umd('d3-selection'),
  'd3-transition.min.js': D3_TRANSITION,
  'd3-drag.min.js': d3Umd('d3-drag', D3_ZOOM),
  'd3-zoom.min.js': D3_ZOOM,
};

/** Copy templates/assets/ (styles, client scripts; not their .d.ts files) and the vendored modules to `{out}/assets/`, as bytes.
 * `features`: what the site's pages need (feature-assets.ts); a feature's own files only for a site that has it. */
export function copyAssets(templatesDir: string, outDir: string, features: ReadonlySet<PageFeature> = new Set()): void {
  const assets = join(templatesDir, 'assets');
  const filter = (source: string): boolean => !source.endsWith('.d.ts') && templateAssetWanted(relative(assets, source));
  if (existsSync(assets)) cpSync(assets, join(outDir, 'assets'), { recursive: true, dereference: true, filter });
  const stylesheet = join(outDir, 'assets', 'almanac.css');
  if (existsSync(stylesheet)) minifyCssFile(stylesheet);
  const vendor = join(outDir, 'assets', 'js', 'vendor');
  mkdirSync(vendor, { recursive: true });
  for (const [name, source] of Object.entries(VENDOR)) copyFileSync(source, join(vendor, name));
  writeFeatureAssets(templatesDir, outDir, features);
}

/**
 * The file to copy for an attachment: its real path, when that is a regular file inside the
 * vault. A symlink is followed only within the vault (its target's bytes are copied, never the
 * link), so no file outside the vault reaches the site, whatever the vault loader let through.
 */
export function attachmentSource(
  site: Pick<SiteModel, 'vaultRoot'>,
  attachment: SiteAttachment,
  vaultReal: string = realPathOf(site.vaultRoot),
): string | null {
  let real: string;
  try {
    real = realpathSync(join(site.vaultRoot, attachment.path));
  } catch {
    return null;
  }
  if (!isInside(real, vaultReal)) return null;
  return statSync(real).isFile() ? real : null;
}

/** Copy the attachments published notes use (their bytes, see attachmentSource). Returns how many were copied. */
export function copyAttachments(site: SiteModel, outDir: string): number {
  const vaultReal = realPathOf(site.vaultRoot);
  let copied = 0;
  for (const attachment of site.attachments.values()) {
    const source = attachmentSource(site, attachment, vaultReal);
    // HTML, XML and script files only when the config allows them (attachment-safety.ts).
    if (source === null || !attachmentAllowed(attachment.path, site.options)) continue;
    const target = join(outDir, attachment.output);
    mkdirSync(dirname(target), { recursive: true });
    // Never a symlink in the output: an earlier copy there is replaced, not written through.
    rmSync(target, { force: true });
    // An SVG is written sanitised (no script, handlers, foreign objects).
    writeAttachment(source, target, copyFileSync);
    copied++;
  }
  return copied;
}

export function writeGraphJson(outDir: string, graph: GraphData): void {
  writeFileSync(join(outDir, 'graph.json'), `${JSON.stringify(graph)}\n`);
}

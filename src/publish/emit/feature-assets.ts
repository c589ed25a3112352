// Assets only a site whose pages need them gets (features.ts): the stylesheet of highlighted
// code, generated from Shiki's two themes (highlight-css.ts), and the Mermaid loader with the
// Mermaid library it fetches (mermaid's single-file browser build, copied as it ships). A
// site without code or diagrams gets none of these files and never loads Shiki. Math: KaTeX's
// stylesheet and woff2 fonts (katex-assets.ts).
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PageFeature } from '../render/features.js';
import { codeStylesheet } from '../render/code/highlight-css.js';
import { KATEX_STYLESHEET, writeKatexAssets } from './katex-assets.js';

/** Files of templates/assets/ copied only for a feature (paths relative to assets/, with `/`). */
export const FEATURE_TEMPLATE_ASSETS: ReadonlyMap<string, PageFeature> = new Map([['js/mermaid.js', 'mermaid']]);

/** Written into `{out}/assets/` for the `code` feature. */
export const CODE_STYLESHEET = 'code.css';

/** Mermaid's browser build, as `{out}/assets/js/vendor/mermaid.min.js`. */
export const MERMAID_VENDOR = 'mermaid.min.js';

function mermaidBundle(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js');
}

/** Whether templates/assets/`relative` is copied with the rest (a feature's own files are written by writeFeatureAssets). */
export function templateAssetWanted(relative: string): boolean {
  return !FEATURE_TEMPLATE_ASSETS.has(relative.split('\\').join('/'));
}

/**
 * Write the assets of `features` into `{outDir}/assets/`: the feature's files from
 * templates/assets/, the code stylesheet, the Mermaid library. `keep`: leave files already
 * there (serve, after a note first gains code or a diagram; the build writes a fresh folder).
 */
export function writeFeatureAssets(templatesDir: string, outDir: string, features: ReadonlySet<PageFeature>, keep = false): void {
  const assets = join(outDir, 'assets');
  const write = (target: string, make: (target: string) => void): void => {
    if (keep && existsSync(target)) return;
    mkdirSync(dirname(target), { recursive: true });
    make(target);
  };
  for (const [file, feature] of FEATURE_TEMPLATE_ASSETS) {
    if (features.has(feature)) write(join(assets, file), (target) => copyFileSync(join(templatesDir, 'assets', file), target));
  }
  if (features.has('code')) {
    const css = codeStylesheet();
    if (css !== null) write(join(assets, CODE_STYLESHEET), (target) => writeFileSync(target, css));
  }
  if (features.has('mermaid')) write(join(assets, 'js', 'vendor', MERMAID_VENDOR), (target) => copyFileSync(mermaidBundle(), target));
  if (features.has('math')) write(join(assets, KATEX_STYLESHEET), () => writeKatexAssets(assets));
}

// KaTeX's stylesheet and fonts, for a site with math (render/math/math.ts): the stylesheet as
// KaTeX ships it but with only the woff2 source of each font (every browser that runs the
// site reads woff2; the woff and ttf files are left out, so nothing points at a missing
// file), and the woff2 fonts beside it. Pages with math link it (templates/base.njk).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the stylesheet goes, under `{out}/assets/`. */
export const KATEX_STYLESHEET = 'katex/katex.min.css';

function katexDist(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('katex/package.json')), 'dist');
}

/** `url(fonts/X.woff2) format("woff2"),url(fonts/X.woff) format("woff"),…` → the woff2 one. */
export function woff2Only(css: string): string {
  return css.replace(/,url\([^)]*\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, '');
}

/** Write the stylesheet and fonts into `{assetsDir}/katex/`. */
export function writeKatexAssets(assetsDir: string): void {
  const dist = katexDist();
  const target = join(assetsDir, 'katex');
  mkdirSync(join(target, 'fonts'), { recursive: true });
  writeFileSync(join(assetsDir, KATEX_STYLESHEET), woff2Only(readFileSync(join(dist, 'katex.min.css'), 'utf8')));
  for (const font of readdirSync(join(dist, 'fonts'))) if (font.endsWith('.woff2')) copyFileSync(join(dist, 'fonts', font), join(target, 'fonts', font));
}

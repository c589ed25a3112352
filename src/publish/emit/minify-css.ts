// The site's stylesheet as readers fetch it: minified by Lightning CSS (comments and
// whitespace out, nothing rewritten for older browsers), so every page fetches ~30% fewer
// bytes of CSS (issue 16: a note page's whole weight counts). The source under templates/
// keeps its comments. Should the minifier reject the file, the bytes are copied as written.
import { readFileSync, writeFileSync } from 'node:fs';
import { transform } from 'lightningcss';

/** `css` minified; unchanged when Lightning CSS cannot read it. */
export function minifyCss(css: Uint8Array, filename: string): Uint8Array {
  try {
    return transform({ filename, code: css, minify: true }).code;
  } catch {
    return css;
  }
}

/** Minify the stylesheet at `path` in place (a file Almanac has just copied into the staging folder). */
export function minifyCssFile(path: string): void {
  const source = readFileSync(path);
  writeFileSync(path, minifyCss(source, path));
}

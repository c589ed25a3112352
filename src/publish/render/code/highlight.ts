// Build-time code highlighting with Shiki, synchronous (rendering is: note-html.ts, also in
// the note workers). Shiki is loaded on the first fenced block whose language it knows, never
// for a vault without one, and only the grammars the notes use: each is `require`d (Node loads
// Shiki's ES modules synchronously) and added to one highlighter per thread, which runs
// Shiki's JavaScript regex engine (no WebAssembly to instantiate). Tokens come back as
// classes, one per colour per theme (`shl-…` light, `shd-…` dark, see highlight-css.ts), not
// Shiki's `style` attributes, so the output passes the note sanitizer's normal allowlist.
import { createRequire } from 'node:module';
import type { BundledLanguageInfo, HighlighterCore, LanguageRegistration, ThemedTokenWithVariants, ThemeRegistration } from 'shiki';

export const LIGHT_THEME = 'github-light';
export const DARK_THEME = 'github-dark';

/** A run of code with the classes that colour it (none: the block's own colour). */
export interface CodeToken {
  text: string;
  classes: string[];
}

/** Shiki's names for plain text: such blocks stay plain, like unknown languages. */
const PLAIN = new Set(['text', 'txt', 'plain', 'plaintext', 'ansi']);

/** Highlighted blocks kept per thread, by language and code (a long `serve` is capped). */
const CACHE_LIMIT = 5000;

interface Shiki {
  highlighter: HighlighterCore;
  require: NodeJS.Require;
}

let loaded: Shiki | null | undefined;
/** Bundled language ids by id and alias, lowercase; null when this Node cannot load Shiki. */
let languageIds: Map<string, string> | null | undefined;
const cache = new Map<string, CodeToken[][]>();
/** Languages whose grammar failed to load or tokenize: plain from then on. */
const broken = new Set<string>();

const requireHere = createRequire(import.meta.url);

/** Whether Shiki's highlighter has been made in this thread (tests check that notes without
 * code in a language it knows never make it). */
export function highlighterLoaded(): boolean {
  return loaded !== undefined && loaded !== null;
}

function defaultExport<T>(module: unknown): T {
  return (typeof module === 'object' && module !== null && 'default' in module ? module.default : module) as T;
}

/** The names Shiki bundles: a table (~10 ms to load), read before any highlighter is made, so
 * that blocks in other languages (`dataview`, `query`…) never load Shiki's core. */
function bundledIds(): Map<string, string> | null {
  if (languageIds !== undefined) return languageIds;
  try {
    const { bundledLanguagesInfo } = requireHere('shiki/langs') as { bundledLanguagesInfo: BundledLanguageInfo[] };
    const ids = new Map<string, string>();
    for (const info of bundledLanguagesInfo) {
      ids.set(info.id, info.id);
      for (const alias of info.aliases ?? []) ids.set(alias.toLowerCase(), info.id);
    }
    languageIds = ids;
  } catch {
    // Node before 20.19 cannot require ES modules: code stays plain, as without Shiki.
    languageIds = null;
  }
  return languageIds;
}

/** Shiki's core with the two themes and the JavaScript regex engine; null when it cannot be loaded. */
function shiki(): Shiki | null {
  if (loaded !== undefined) return loaded;
  try {
    const core = requireHere('shiki/core') as typeof import('shiki/core');
    const engine = requireHere('shiki/engine/javascript') as typeof import('shiki/engine/javascript');
    const themes = [LIGHT_THEME, DARK_THEME].map((name) => defaultExport<ThemeRegistration>(requireHere(`shiki/themes/${name}.mjs`)));
    const highlighter = core.createHighlighterCoreSync({ themes, langs: [], engine: engine.createJavaScriptRegexEngine() });
    loaded = { highlighter, require: requireHere };
  } catch {
    loaded = null;
  }
  return loaded;
}

/** The bundled language a fence's info string names (`ts`, `JS`, `shell`), or null when Shiki has none. */
function bundledLanguage(lang: string): string | null {
  const name = lang.toLowerCase();
  if (name === '' || PLAIN.has(name)) return null;
  const id = bundledIds()?.get(name);
  return id && !broken.has(id) ? id : null;
}

/** `id`'s grammar added to the highlighter (once); false when it failed. */
function loadLanguage(state: Shiki, id: string): boolean {
  if (state.highlighter.getLoadedLanguages().includes(id)) return true;
  try {
    state.highlighter.loadLanguageSync(defaultExport<LanguageRegistration[]>(state.require(`shiki/langs/${id}.mjs`)));
    return true;
  } catch {
    broken.add(id);
    return false;
  }
}

/**
 * The lines of `code` as coloured tokens, or null: no language, one Shiki does not know
 * (the block stays plain), or a grammar that failed. `lang` is the fence's first word.
 */
export function highlightCode(lang: string, code: string): CodeToken[][] | null {
  const id = bundledLanguage(lang);
  if (!id) return null;
  const state = shiki();
  if (!state || !loadLanguage(state, id)) return null;
  const key = `${id}\0${code}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let lines: CodeToken[][];
  try {
    const tokens = state.highlighter.codeToTokensWithThemes(code, { lang: id, themes: { light: LIGHT_THEME, dark: DARK_THEME } });
    const fg = { light: state.highlighter.getTheme(LIGHT_THEME).fg, dark: state.highlighter.getTheme(DARK_THEME).fg };
    lines = tokens.map((line) => lineTokens(line, fg));
  } catch {
    broken.add(id);
    return null;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, lines);
  return lines;
}

/** Font style bits in Shiki's tokens (FontStyle in @shikijs/types). */
const FONT_STYLES: ReadonlyArray<[number, string]> = [
  [1, 'i'],
  [2, 'b'],
  [4, 'u'],
  [8, 's'],
];

/** `shl-d73a49` for the light theme's #D73A49; `shl-i` for its italics. */
export function colourClass(prefix: 'shl' | 'shd', colour: string): string {
  return `${prefix}-${colour.replace(/^#/, '').toLowerCase()}`;
}

/** A token in the theme's own text colour needs no class: the block has that colour. */
function variantClasses(prefix: 'shl' | 'shd', variant: { color?: string; fontStyle?: number } | undefined, fg: string): string[] {
  if (!variant) return [];
  const classes = variant.color && variant.color.toLowerCase() !== fg.toLowerCase() ? [colourClass(prefix, variant.color)] : [];
  const style = variant.fontStyle ?? 0;
  for (const [bit, name] of FONT_STYLES) if (style > 0 && (style & bit) !== 0) classes.push(`${prefix}-${name}`);
  return classes;
}

/** One line's tokens as runs of text with their classes, neighbours with the same classes merged. */
function lineTokens(line: ThemedTokenWithVariants[], fg: { light: string; dark: string }): CodeToken[] {
  const out: CodeToken[] = [];
  for (const token of line) {
    const classes = [...variantClasses('shl', token.variants.light, fg.light), ...variantClasses('shd', token.variants.dark, fg.dark)];
    const last = out[out.length - 1];
    if (last && last.classes.join(' ') === classes.join(' ')) last.text += token.content;
    else out.push({ text: token.content, classes });
  }
  return out;
}

export interface ThemePalette {
  fg: string;
  bg: string;
  /** Every colour the tokenizer can give a token in this theme. */
  colours: string[];
}

/** Each theme's text and background colours and the colours its tokens can have (highlight-css.ts); null without Shiki. */
export function themePalettes(): { light: ThemePalette; dark: ThemePalette } | null {
  const state = shiki();
  if (!state) return null;
  const palette = (name: string): ThemePalette => {
    const { theme, colorMap } = state.highlighter.setTheme(name);
    return { fg: theme.fg, bg: theme.bg, colours: colorMap.filter((colour) => colour !== '') };
  };
  return { light: palette(LIGHT_THEME), dark: palette(DARK_THEME) };
}

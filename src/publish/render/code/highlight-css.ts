// The stylesheet of highlighted code (`assets/code.css`, written only for a site with some):
// one rule per colour of each theme's palette, so every page's tokens are covered without
// collecting classes across pages or worker threads. A token class sets a custom property
// (`.shl-d73a49 { --shl: #D73A49 }`); the light rule colours tokens from `--shl`, the dark
// one from `--shd`, chosen by the site's theme as almanac.css chooses its own colours
// (data-theme, or the system's preference until the reader picks one). Print is light.
import { colourClass, DARK_THEME, LIGHT_THEME, themePalettes, type ThemePalette } from './highlight.js';

const STYLES: ReadonlyArray<[string, string, string]> = [
  // class suffix, custom property suffix, value
  ['i', 'fs', 'italic'],
  ['b', 'fw', 'bold'],
  ['u', 'td', 'underline'],
  ['s', 'td', 'line-through'],
];

function paletteRules(prefix: 'shl' | 'shd', palette: ThemePalette): string[] {
  const seen = new Set<string>();
  const rules: string[] = [];
  for (const colour of palette.colours) {
    const name = colourClass(prefix, colour);
    if (seen.has(name) || !/^#[0-9a-f]{3,8}$/i.test(colour)) continue;
    seen.add(name);
    rules.push(`.${name} { --${prefix}: ${colour}; }`);
  }
  for (const [suffix, property, value] of STYLES) rules.push(`.${prefix}-${suffix} { --${prefix}-${property}: ${value}; }`);
  return rules;
}

/** Declarations that colour `.shiki` blocks and their tokens from one theme's properties. */
function themeDeclarations(prefix: 'shl' | 'shd', selector: string): string {
  return `${selector} { color: var(--${prefix}); font-style: var(--${prefix}-fs, normal); font-weight: var(--${prefix}-fw, normal); text-decoration: var(--${prefix}-td, none); }`;
}

/** The stylesheet for the two themes, or null when Shiki cannot be loaded (no block is highlighted then). */
export function codeStylesheet(): string | null {
  const palettes = themePalettes();
  if (!palettes) return null;
  const { light, dark } = palettes;
  const chosenDark = ':root[data-theme="dark"] .shiki, :root[data-theme="dark"] .shiki span';
  const systemDark = ':root:not([data-theme-source]) .shiki, :root:not([data-theme-source]) .shiki span';
  return [
    `/* Highlighted code: Shiki's ${LIGHT_THEME} and ${DARK_THEME} themes as classes. Written by Almanac's build. */`,
    `.shiki { --shl: ${light.fg}; --shd: ${dark.fg}; }`,
    themeDeclarations('shl', '.shiki, .shiki span'),
    '@media screen {',
    `  ${themeDeclarations('shd', chosenDark)}`,
    '}',
    '@media screen and (prefers-color-scheme: dark) {',
    `  ${themeDeclarations('shd', systemDark)}`,
    '}',
    ...paletteRules('shl', light),
    ...paletteRules('shd', dark),
    '',
  ].join('\n');
}

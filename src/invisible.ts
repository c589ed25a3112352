// Characters that take no width and that nobody types into a link: zero-width space, (non-)joiners,
// word joiner, byte-order mark, emoji variation selectors. Left behind by copy-paste, converters
// (`## [​](#installation) Installation`) and stripped emoji (a lone U+FE0F), they are ignored
// when headings are compared and names suggested, and dropped from URLs.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each of these is stripped alone, variation selectors included
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\uFE0E\uFE0F]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

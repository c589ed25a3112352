/** Code-unit order, for vault paths, ISO dates and URLs: the same on every machine and locale. */
export function compareRaw(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

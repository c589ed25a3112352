// One collator (fixed locale, so builds are the same on every machine) for every title
// sort: String#localeCompare builds one per call, which
// shows up in profiles of large vaults.
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function compareText(a: string, b: string): number {
  return collator.compare(a, b) || compareRaw(a, b);
}

/** Code-unit order, for ISO dates and URLs. */
export function compareRaw(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

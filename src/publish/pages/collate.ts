import { compareRaw } from '../../util/compare.js';

// One collator for every title sort (String#localeCompare builds one per call, which
// shows in profiles of large vaults); a fixed locale keeps builds identical everywhere.
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function compareText(a: string, b: string): number {
  return collator.compare(a, b) || compareRaw(a, b);
}

export { compareRaw };

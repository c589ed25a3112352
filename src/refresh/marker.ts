// The `<!-- feed: NAME updated=YYYY-MM-DD -->` start marker, read and rewritten in place.
export const FEED_START = /^\s*<!--\s*feed:\s*([\w.-]+)((?:\s+[\w-]+=[^\s>]*)*)\s*-->\s*$/;
export const FEED_END = /^\s*<!--\s*\/feed\s*-->\s*$/;

/** The marker line with `updated=` set to `date`; every other byte of the line kept. */
export function withUpdated(line: string, date: string): string {
  if (/(\s)updated=[^\s>]*/.test(line)) return line.replace(/(\s)updated=[^\s>]*/, `$1updated=${date}`);
  return line.replace(/^(\s*<!--\s*feed:\s*[\w.-]+(?:\s+[\w-]+=[^\s>]*)*)/, `$1 updated=${date}`);
}

// Calendar dates as Almanac passes them around: `YYYY-MM-DD` strings, in UTC.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date (UTC) as YYYY-MM-DD: the default of every `today` option. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` naming a real calendar day (not 2026-02-30). */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

// A feed's records: plain objects whose fields the config's columns name.
export type FeedRecord = Readonly<Record<string, unknown>>;

/** `field` as a key, else a dotted path into nested objects (`quote.close`). */
export function fieldValue(record: FeedRecord, field: string): unknown {
  if (field in record) return record[field];
  let value: unknown = record;
  for (const part of field.split('.')) {
    if (value === null || typeof value !== 'object' || !(part in value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

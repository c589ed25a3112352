// Async work over many items with a bound on how much is in flight (file reads, feed fetches).
import pLimit from 'p-limit';

/** `fn` over `items` with at most `limit` (at least 1) running at once; results in input order. */
export function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const run = pLimit(Math.max(1, Math.floor(limit)));
  return Promise.all(items.map((item, index) => run(() => fn(item, index))));
}

// Yahoo Finance v8 chart JSON: parallel arrays keyed by timestamps in seconds.
import { z } from 'zod';
import { FeedError } from '../errors.js';
import type { FeedRecord } from '../records.js';
import { parseJson, shapeError } from './shape.js';

const series = z.array(z.number().nullable());
const chartSchema = z.object({
  chart: z.object({
    result: z
      .array(
        z.object({
          meta: z
            .object({
              symbol: z.string().optional(),
              currency: z.string().nullable().optional(),
              gmtoffset: z.number().optional(),
              exchangeTimezoneName: z.string().optional(),
            })
            .loose(),
          timestamp: z.array(z.number()).optional(),
          indicators: z.object({
            quote: z.array(
              z
                .object({ open: series.optional(), high: series.optional(), low: series.optional(), close: series.optional(), volume: series.optional() })
                .loose(),
            ),
            adjclose: z.array(z.object({ adjclose: series })).optional(),
          }),
        }),
      )
      .nullable(),
    error: z.object({ code: z.string(), description: z.string() }).nullable(),
  }),
});

/** Records: `date` (exchange-local YYYY-MM-DD), `timestamp`, `open`…`volume`, `adjclose`; null bars stay null. */
export function decodeYahooChart(body: string): FeedRecord[] {
  const parsed = chartSchema.safeParse(parseJson(body));
  if (!parsed.success) throw shapeError('a Yahoo chart response', parsed.error);
  const { result, error } = parsed.data.chart;
  if (error) throw new FeedError(`Yahoo error ${error.code}: ${error.description}`);
  const chart = result?.[0];
  const stamps = chart?.timestamp ?? [];
  if (!chart || stamps.length === 0) throw new FeedError('Yahoo chart has no data points');
  const quote = chart.indicators.quote[0] ?? {};
  const adjclose = chart.indicators.adjclose?.[0]?.adjclose;
  const dateOf = localDate(chart.meta.exchangeTimezoneName, chart.meta.gmtoffset ?? 0);
  return stamps.map((timestamp, index) => ({
    date: dateOf(timestamp),
    timestamp,
    open: quote.open?.[index] ?? null,
    high: quote.high?.[index] ?? null,
    low: quote.low?.[index] ?? null,
    close: quote.close?.[index] ?? null,
    volume: quote.volume?.[index] ?? null,
    adjclose: adjclose?.[index] ?? null,
    symbol: chart.meta.symbol ?? null,
  }));
}

/** Bars start at local midnight; `gmtoffset` is today's offset, wrong across a DST change, so the zone wins. */
function localDate(timeZone: string | undefined, offset: number): (seconds: number) => string {
  if (timeZone) {
    try {
      const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
      return (seconds) => format.format(new Date(seconds * 1000));
    } catch {
      // an unknown zone name: fall back to the offset
    }
  }
  return (seconds) => new Date((seconds + offset) * 1000).toISOString().slice(0, 10);
}

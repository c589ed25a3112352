// A payload's bytes → validated records, by the feed's `format`.
import type { FeedConfig } from '../../config/feeds.js';
import { FeedError } from '../errors.js';
import type { FeedRecord } from '../records.js';
import { decodeCsv, decodeStooq } from './csv.js';
import { decodeFred } from './fred.js';
import { decodeJson } from './json.js';
import { rejectHtml } from './shape.js';
import { decodeYahooChart } from './yahoo.js';

/** Longest message a decoder may give: parsers quote the payload (csv-parse, JSON.parse). */
const MAX_MESSAGE = 200;

export function decodePayload(body: string, contentType: string | null, feed: Pick<FeedConfig, 'format' | 'path'>): FeedRecord[] {
  try {
    rejectHtml(body, contentType);
    if (body.trim() === '') throw new FeedError('the response is empty');
    const records = decode(body, feed);
    if (records.length === 0) throw new FeedError('the feed has no records');
    return records;
  } catch (error) {
    if (error instanceof FeedError && error.message.length > MAX_MESSAGE) throw new FeedError(`${error.message.slice(0, MAX_MESSAGE)}…`);
    throw error;
  }
}

function decode(body: string, feed: Pick<FeedConfig, 'format' | 'path'>): FeedRecord[] {
  switch (feed.format) {
    case 'csv':
      return decodeCsv(body);
    case 'stooq':
      return decodeStooq(body);
    case 'json':
      return decodeJson(body, feed.path);
    case 'fred':
      return decodeFred(body);
    case 'yahoo-chart':
      return decodeYahooChart(body);
  }
}

// Feed values → the text researchers write in cells: `+39%`, `~$38M`, `29x`, `Jan 2026`.
import type { CellFormat, FeedColumn } from '../config/feeds.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const UNIT_SIZE = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 } as const;
const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const DATE_TOKENS = /YYYY|YY|MMMM|MMM|MM|M|DD|D|Q|\[[^\]]*\]/g;

export type Scalar = string | number | boolean;

/** Format one value for `column`; throws an Error whose message says what was wrong. */
export function formatCell(value: Scalar, column: FeedColumn): string {
  const format = column.format;
  switch (format.kind) {
    case 'text':
      return String(value).trim();
    case 'link':
      return `[[${String(value).trim()}]]`;
    case 'date':
      return formatDate(readDate(value), format.pattern);
    case 'number':
      return formatNumber(readNumber(value) / column.scale, format);
  }
}

export function readNumber(value: Scalar): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const text = String(value).trim().replace(/,/g, '');
  if (typeof value !== 'string' || !NUMERIC.test(text)) throw new Error(`“${String(value)}” is not a number`);
  return Number(text);
}

function formatNumber(value: number, format: Extract<CellFormat, { kind: 'number' }>): string {
  const scaled = format.unit === '' || format.unit === '%' || format.unit === 'x' ? value : value / UNIT_SIZE[format.unit];
  const decimals = format.decimals ?? (format.approx ? 0 : null);
  const digits = new Intl.NumberFormat('en-US', {
    useGrouping: format.group,
    minimumFractionDigits: decimals ?? 0,
    maximumFractionDigits: decimals ?? 6,
  }).format(Math.abs(scaled));
  // Rounding can turn -0.4 into "0": a zero gets no sign.
  const sign = !/[1-9]/.test(digits) ? '' : scaled < 0 ? '-' : format.sign ? '+' : '';
  return `${format.approx ? '~' : ''}${sign}${format.money ? '$' : ''}${digits}${format.unit}`;
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (time of day ignored), or Unix seconds. */
export function readDate(value: Scalar): CalendarDate {
  if (typeof value === 'number') {
    const date = new Date(value * 1000);
    if (Number.isNaN(date.getTime())) throw new Error(`${value} is not a Unix time in seconds`);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  }
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(String(value).trim());
  if (!match) throw new Error(`“${String(value)}” is not a date (YYYY-MM-DD)`);
  const date = { year: Number(match[1]), month: Number(match[2] ?? 1), day: Number(match[3] ?? 1) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (check.getUTCMonth() !== date.month - 1 || check.getUTCDate() !== date.day) throw new Error(`“${String(value)}” is not a calendar date`);
  return date;
}

function formatDate(date: CalendarDate, pattern: string): string {
  const month = MONTHS[date.month - 1] ?? '';
  return pattern.replace(DATE_TOKENS, (token) => {
    switch (token) {
      case 'YYYY':
        return String(date.year).padStart(4, '0');
      case 'YY':
        return String(date.year % 100).padStart(2, '0');
      case 'MMMM':
        return month;
      case 'MMM':
        return month.slice(0, 3);
      case 'MM':
        return String(date.month).padStart(2, '0');
      case 'M':
        return String(date.month);
      case 'DD':
        return String(date.day).padStart(2, '0');
      case 'D':
        return String(date.day);
      case 'Q':
        return String(Math.ceil(date.month / 3));
      default:
        return token.slice(1, -1);
    }
  });
}

/** A number as a cell shows it: its value and the notation it was written in. */
export interface CellNumber {
  /** In plain units: `~$38M` is 38,000,000; `+39%` is 39; `29x` is 29. */
  value: number;
  unit: '' | '%' | 'x' | keyof typeof UNIT_SIZE;
  money: boolean;
}

/** `~-$1M`, `+39%`, `29x`, `3.625%`, `1,250`: the notation formatCell writes (also with `−`, `$` after the sign or before it). */
const CELL_NUMBER = /^(~)?\s*([+\-−])?\s*(\$)?\s*([+\-−])?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*([KMBT%x])?$/;

/** The number in a cell's text, read back from the notation formatCell writes; null when the cell holds no single number. */
export function readCellNumber(text: string): CellNumber | null {
  const match = CELL_NUMBER.exec(text.trim());
  if (!match?.[5] || (match[2] && match[4])) return null;
  const sign = match[2] ?? match[4];
  const unit = (match[6] ?? '') as CellNumber['unit'];
  const digits = Number(match[5].replace(/,/g, ''));
  const size = unit === '' || unit === '%' || unit === 'x' ? 1 : UNIT_SIZE[unit];
  const value = (sign === '-' || sign === '−' ? -digits : digits) * size;
  return { value: value === 0 ? 0 : value, unit, money: match[3] === '$' };
}

/** A number written in a cell's notation (axis ticks): `$10M`, `-20%`, `4x`. */
export function writeCellNumber(value: number, notation: Pick<CellNumber, 'unit' | 'money'>, decimals: number): string {
  return formatNumber(value, { kind: 'number', approx: false, sign: false, money: notation.money, group: true, unit: notation.unit, decimals });
}

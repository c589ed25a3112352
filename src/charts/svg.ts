// A chart as inline SVG, drawn at build time (no client JavaScript). Colours are classes the
// site's stylesheet sets for light and dark mode (templates/assets/almanac.css, `.chart`);
// every bar and point carries a <title> (label and value as written) for screen readers and hover.
import { escapeHtml } from '../util/escape-html.js';
import { writeCellNumber } from '../refresh/cell-format.js';
import type { ChartData, ChartPoint } from './data.js';

const WIDTH = 640;
const HEIGHT = 280;
const LEFT = 60;
const RIGHT = 12;
const TOP = 14;
const LEGEND = 22;
const BOTTOM = 34;
const ROTATED_BOTTOM = 64;
/** Series colours the stylesheet defines (`.chart-s0` … `.chart-s5`); more series reuse them. */
const SERIES_CLASSES = 6;
const UNIT_SIZES: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

/** Page HTML without the charts' SVG (the search index reads the tables instead). Only
 * Almanac writes `<svg>` in a page: the note sanitizer drops a note's own. */
export function withoutCharts(html: string): string {
  return html.includes('<svg class="chart-svg') ? html.replace(/<svg class="chart-svg[^>]*>[\s\S]*?<\/svg>/g, '') : html;
}

/** The chart's `<svg>` (its caption is the caller's). */
export function chartSvg(data: ChartData): string {
  const values = data.series.flatMap((series) => series.points.map((point) => point.value)).filter((value): value is number => value !== null);
  // Bars and columns stand on zero; a line spans its values (a rate path from 3.75% to 4.25%).
  const ticks = data.type === 'line' ? niceTicks(Math.min(...values), Math.max(...values)) : niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const low = ticks[0] ?? 0;
  const high = ticks.at(-1) ?? 1;
  const labels = data.series[0]?.points.map((point) => point.label) ?? [];
  const legend = data.series.length > 1;
  const top = TOP + (legend ? LEGEND : 0);
  const band = (WIDTH - LEFT - RIGHT) / Math.max(1, labels.length);
  const rotate = labels.some((label) => label.length * 6.5 > band - 4);
  const bottom = HEIGHT - (rotate ? ROTATED_BOTTOM : BOTTOM);
  const y = (value: number): number => round(bottom - ((value - low) / (high - low || 1)) * (bottom - top));
  const step = ticks.length > 1 ? (ticks[1] ?? 0) - (ticks[0] ?? 0) : 1;
  const decimals = tickDecimals(step, data.notation.unit);
  const parts: string[] = [];
  for (const tick of ticks) {
    const at = y(tick);
    // Presentation attributes only for a reader without the site's stylesheet (a feed reader): its classes win.
    parts.push(
      `<line class="${tick === 0 ? 'chart-zero' : 'chart-grid'}" stroke="${tick === 0 ? 'currentColor' : '#8884'}" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${at}" y2="${at}"/>`,
    );
    parts.push(
      `<text class="chart-tick" x="${LEFT - 6}" y="${at + 4}" text-anchor="end">${tick === 0 ? '0' : escapeHtml(writeCellNumber(tick, data.notation, decimals))}</text>`,
    );
  }
  labels.forEach((label, index) => {
    const x = round(LEFT + band * (index + 0.5));
    const shown = escapeHtml(label.length > 16 ? `${label.slice(0, 15)}…` : label);
    parts.push(
      rotate
        ? `<text class="chart-label" x="${x}" y="${bottom + 14}" text-anchor="end" transform="rotate(-35 ${x} ${bottom + 14})">${shown}</text>`
        : `<text class="chart-label" x="${x}" y="${bottom + 18}" text-anchor="middle">${shown}</text>`,
    );
  });
  if (data.type === 'line') parts.push(...lines(data, band, y));
  else parts.push(...bars(data, band, y));
  if (legend) parts.push(...legendItems(data));
  const what = `${data.type === 'line' ? 'Line' : data.type === 'bar' ? 'Bar' : 'Column'} chart of ${data.series.map((series) => series.name).join(', ')} by ${data.x}`;
  return `<svg class="chart-svg chart-${data.type}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(what)}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

function bars(data: ChartData, band: number, y: (value: number) => number): string[] {
  const out: string[] = [];
  const count = data.series.length;
  const group = band * (count > 1 ? 0.82 : 0.68);
  const width = group / count;
  data.series.forEach((series, s) => {
    series.points.forEach((point, index) => {
      if (point.value === null) return;
      const x = round(LEFT + band * index + (band - group) / 2 + width * s);
      const zero = y(0);
      const at = y(point.value);
      const height = Math.max(round(Math.abs(zero - at)), 0.5);
      out.push(
        `<rect class="chart-s${s % SERIES_CLASSES}${point.value < 0 ? ' chart-negative' : ''}" x="${x}" y="${Math.min(at, zero)}" width="${round(Math.max(width - 1, 1))}" height="${height}"><title>${pointTitle(point, count > 1 ? series.name : null)}</title></rect>`,
      );
    });
  });
  return out;
}

function lines(data: ChartData, band: number, y: (value: number) => number): string[] {
  const out: string[] = [];
  data.series.forEach((series, s) => {
    const className = `chart-s${s % SERIES_CLASSES}`;
    // A cell with no number breaks the line.
    let run: string[] = [];
    const flush = (): void => {
      if (run.length > 1) out.push(`<polyline class="${className} chart-line" fill="none" stroke="currentColor" stroke-width="2" points="${run.join(' ')}"/>`);
      run = [];
    };
    const dots: string[] = [];
    series.points.forEach((point, index) => {
      if (point.value === null) {
        flush();
        return;
      }
      const x = round(LEFT + band * (index + 0.5));
      const at = y(point.value);
      run.push(`${x},${at}`);
      dots.push(
        `<circle class="${className}" cx="${x}" cy="${at}" r="4"><title>${pointTitle(point, data.series.length > 1 ? series.name : null)}</title></circle>`,
      );
    });
    flush();
    out.push(...dots);
  });
  return out;
}

function legendItems(data: ChartData): string[] {
  const out: string[] = [];
  let x = LEFT;
  data.series.forEach((series, s) => {
    out.push(`<rect class="chart-s${s % SERIES_CLASSES}" x="${x}" y="${TOP - 10}" width="10" height="10"/>`);
    out.push(`<text class="chart-legend" x="${x + 14}" y="${TOP}">${escapeHtml(series.name)}</text>`);
    x += 14 + series.name.length * 7 + 16;
  });
  return out;
}

/** `Jan: ~$10M`, or `NVIDIA, 2024: +170%` with several series. */
function pointTitle(point: ChartPoint, series: string | null): string {
  return escapeHtml(`${point.label}${series === null ? '' : `, ${series}`}: ${point.text}`);
}

/** Round numbers from `low` to `high`, about five of them, steps of 1, 2 or 5 × 10ⁿ. */
export function niceTicks(low: number, high: number): number[] {
  if (low === high) return high === 0 ? [0, 1] : [Math.min(0, low), Math.max(0, high)];
  const raw = (high - low) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((factor) => factor * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let tick = Math.floor(low / step) * step; tick <= high + step * 1e-9; tick += step) ticks.push(clean(tick));
  if ((ticks.at(-1) ?? 0) < high) ticks.push(clean((ticks.at(-1) ?? 0) + step));
  return ticks;
}

function tickDecimals(step: number, unit: ChartData['notation']['unit']): number {
  const size = UNIT_SIZES[unit] ?? 1;
  const shown = step / size;
  return shown >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(shown) - 1e-9));
}

function clean(value: number): number {
  const fixed = Number(value.toPrecision(12));
  return fixed === 0 ? 0 : fixed;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

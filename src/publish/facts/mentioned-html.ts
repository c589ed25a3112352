// The "Mentioned in tables" section as HTML, written here rather than by a template loop: a
// generated vault links from nearly every table row, so nearly every page has one, and
// Nunjucks' loops over groups, rows, cells and parts cost more than the rows themselves. Its
// own characters are entities (› ↗), so the string stays one byte a character unless a cell needs two.
import { escapeHtml } from '../../util/escape-html.js';
import type { CellPart, MentionedTables } from '../pages/types.js';

export function mentionedHtml(mentioned: MentionedTables | null): string {
  if (!mentioned) return '';
  const parts: string[] = ['<section class="mentioned" aria-labelledby="mentioned-in-tables">\n<h2 id="mentioned-in-tables">Mentioned in tables</h2>\n'];
  if (mentioned.summary.length > 0) {
    parts.push(
      '<div class="table-wrap">\n<table class="facts-summary">\n<thead><tr><th scope="col">Fact</th><th scope="col">Value</th><th scope="col">From</th><th scope="col">As of</th></tr></thead>\n<tbody>\n',
    );
    for (const fact of mentioned.summary)
      parts.push(
        `<tr><th scope="row">${escapeHtml(fact.column)}</th><td>${escapeHtml(fact.value)}</td><td><a class="internal" href="${escapeHtml(fact.url)}">${escapeHtml(fact.source)}</a></td><td>${time(fact.date)}</td></tr>\n`,
      );
    parts.push('</tbody>\n</table>\n</div>\n');
  }
  for (const group of mentioned.groups) {
    const source = `<a class="internal" href="${escapeHtml(group.source.url)}" data-slug="${escapeHtml(group.source.slug)}">${escapeHtml(group.source.label)}</a>`;
    parts.push(`<div class="mentioned-group">\n<h3>${source}${group.heading === null ? '' : ` &rsaquo; ${escapeHtml(group.heading)}`}</h3>\n`);
    const updated = group.date ? `Updated ${time(group.date)}` : '';
    const feed = group.feed ? `Feed <code>${escapeHtml(group.feed.name)}</code>${group.feed.updated ? `, as of ${time(group.feed.updated)}` : ''}` : '';
    parts.push(`<p class="mentioned-meta">${[updated, feed].filter((text) => text !== '').join(' · ')}</p>\n`);
    const header = group.header.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('');
    parts.push(`<div class="table-wrap">\n<table>\n<thead><tr>${header}<th scope="col">Row</th></tr></thead>\n<tbody>\n`);
    const title = escapeHtml(`This row in ${group.source.label}`);
    for (const row of group.rows)
      parts.push(
        `<tr>${row.cells.map((cell) => `<td>${cell.map(part).join('')}</td>`).join('')}<td><a class="row-link" href="${escapeHtml(row.url)}" title="${title}">&#8599;</a></td></tr>\n`,
      );
    parts.push('</tbody>\n</table>\n</div>\n</div>\n');
  }
  const shown = mentioned.groups.reduce((sum, group) => sum + group.rows.length, 0);
  if (shown < mentioned.count) parts.push(`<p class="mentioned-more">The ${shown} newest of ${mentioned.count} rows.</p>\n`);
  parts.push('</section>\n');
  return parts.join('');
}

function part(cell: CellPart): string {
  return cell.url
    ? `<a class="internal" href="${escapeHtml(cell.url)}" data-slug="${escapeHtml(cell.slug ?? '')}">${escapeHtml(cell.text)}</a>`
    : escapeHtml(cell.text);
}

function time(date: string | null): string {
  return date ? `<time datetime="${escapeHtml(date)}">${escapeHtml(date)}</time>` : '';
}

// A Bases view as markup: a table whose `file.name` cells link to the notes, property cells
// formatted as the properties block formats them (links, dates, pills), or a box saying
// what is not supported. Built as hast from text nodes; it is sanitised with the page.
import type { Element, ElementContent } from 'hast';
import type { Value } from '../../bases/evaluate.js';
import { fileName } from '../../bases/evaluate.js';
import type { Cell, ViewResult } from '../../bases/query.js';
import type { SiteModel } from '../model/site-model.js';
import { el, text } from '../render/hast.js';
import { formatValue } from '../properties/value.js';

export interface TableContext {
  site: SiteModel;
  /** The base file, for the box's words. */
  basePath: string;
}

export function unsupportedBox(basePath: string, message: string): Element {
  return el('div', { className: ['base-view', 'base-unsupported'], dataBase: basePath }, [
    el('p', {}, [el('strong', {}, [text(`${fileName(basePath)}: `)]), text(`${message.charAt(0).toUpperCase()}${message.slice(1)}.`)]),
  ]);
}

export function viewElement(context: TableContext, result: ViewResult): Element {
  if (result.kind === 'unsupported') return unsupportedBox(context.basePath, result.message);
  const head = el('thead', {}, [
    el(
      'tr',
      {},
      result.columns.map((column) => el('th', {}, [text(column.label)])),
    ),
  ]);
  const body = el(
    'tbody',
    {},
    result.rows.map((row) =>
      el(
        'tr',
        {},
        row.cells.map((cell, index) => el('td', {}, cellContent(context, row.file.path, result.columns[index]?.key ?? '', cell))),
      ),
    ),
  );
  const count = result.total === 1 ? '1 result' : `${result.total} results`;
  return el('div', { className: ['base-view'], dataBase: context.basePath, dataView: result.name }, [
    ...result.notices.map((notice) => el('p', { className: ['base-notice'] }, [text(notice)])),
    el('div', { className: ['table-wrap'] }, [el('table', { className: ['base-table'] }, [head, body])]),
    el('p', { className: ['base-count'] }, [text(count)]),
  ]);
}

function cellContent(context: TableContext, path: string, key: string, cell: Cell): ElementContent[] {
  const { site } = context;
  if (cell.kind === 'unsupported') return [el('span', { className: ['base-unsupported-cell'], title: `Not supported: ${cell.message}` }, [text('—')])];
  if (key === 'file.name') return noteLink(site, path, fileName(path));
  if (cell.kind === 'property') {
    const links = (site.graph.outgoing.get(path) ?? []).filter((link) => link.link.kind === 'frontmatter' && link.link.key === cell.key);
    return formatValue({ site, links, language: site.options.language }, cell.raw);
  }
  return valueContent(context, cell.value);
}

function noteLink(site: SiteModel, path: string | null, label: string): ElementContent[] {
  const entry = path === null ? undefined : site.byPath.get(path);
  if (!entry) return [text(label)];
  return [el('a', { className: ['internal'], href: entry.url, dataSlug: entry.slug }, [text(label)])];
}

function valueContent(context: TableContext, value: Value): ElementContent[] {
  const { site } = context;
  if (value === null) return [];
  if (Array.isArray(value)) {
    return [
      el(
        'ul',
        { className: ['property-list'] },
        value.map((item) => el('li', { className: ['property-pill'] }, valueContent(context, item))),
      ),
    ];
  }
  if (typeof value !== 'object') return formatValue({ site, links: [], language: site.options.language }, value);
  // A link or file that is not a published note shows its name only.
  if (value.kind === 'link') return noteLink(site, value.path, value.text);
  if (value.kind === 'file') return noteLink(site, value.file.path, fileName(value.file.path));
  return [text(JSON.stringify(value.entries))];
}

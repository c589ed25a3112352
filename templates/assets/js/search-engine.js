// The search engine behind the header's search box: reads the static index the build
// writes into {base}search-index/ (meta.json, terms/{chunk}.json, names/{chunk}.json,
// pages/{file}.json), fetching only the chunks a query needs and the pages files of the
// results shown. Pages whose title or an alias is the query come first, then those whose
// name starts with it, then the rest by BM25.
// Pure: no DOM and no imports; fetching and stemming are passed in, so the same module
// runs in the browser (js/search.js) and under Node in the tests.
// Terms must be made exactly as the build makes them (src/publish/search/words.ts).
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const LETTERS = /^\p{L}+$/u;
// A word as written in a page's text, combining marks and all (for excerpts).
const WRITTEN_WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;

const K1 = 1.2;
const B = 0.75;
const MAX_PREFIX_TERMS = 200; // a query's last word matches at most this many index terms (the most common)
const MAX_PREFIX_NAMES = 100; // pages raised for a name that starts with the query
const EXCERPT_WORDS = 30;
const WORDS_BEFORE_MATCH = 8;

/** The words of `text`, folded (accents dropped, lower case), in order. */
export function words(text) {
  const found = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().match(WORD);
  if (!found) return [];
  const out = [];
  for (const match of found) {
    const word = match.replace(/['’]s$/u, '').replace(/['’]/gu, '');
    if (word !== '') out.push(word);
  }
  return out;
}

/** The index term of a folded word: its stem when `stem` is given and the word is all letters. */
export function termOf(word, stem) {
  return stem && LETTERS.test(word) ? stem(word) : word;
}

/** Text made safe to place in HTML. */
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const own = (object, key) => (Object.hasOwn(object, key) ? object[key] : undefined);

/** The chunk of the sorted `bounds` that holds `term`: the last bound not above it. */
function chunkOf(bounds, term) {
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid] <= term) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function checkMeta(meta) {
  const ok =
    meta &&
    meta.format === 1 &&
    Number.isInteger(meta.pages) &&
    Number.isInteger(meta.pagesPerFile) &&
    meta.pagesPerFile > 0 &&
    Array.isArray(meta.lengths) &&
    Array.isArray(meta.chunks) &&
    meta.chunks.length > 0 &&
    (meta.names === undefined || (Array.isArray(meta.names) && meta.names.length > 0));
  if (!ok) throw new Error('search-index/meta.json: not a format 1 search index');
  return meta;
}

/**
 * A search engine over the index at `{base}search-index/`.
 * fetchJson(url) resolves to the parsed JSON at an absolute URL; stemmer is Porter's
 * (required when the index is stemmed). Fetched files are kept for the engine's life.
 */
export function createSearchEngine({ base, fetchJson, stemmer = null }) {
  const index = indexReader({ base, fetchJson, stemmer });
  return { search: (query) => search(index, query), preload: () => index.loadMeta().then(() => undefined) };
}

/**
 * The index's files, each fetched once (a failed fetch is not remembered: the next search
 * asks again), and the query words' terms, each stemmed once.
 */
function indexReader({ base, fetchJson, stemmer }) {
  const site = new URL(base);
  const root = new URL('search-index/', site);
  const files = new Map(); // absolute URL → Promise of its JSON
  const terms = new Map(); // folded word → term

  function load(path) {
    const url = new URL(path, root).href;
    let pending = files.get(url);
    if (!pending) {
      pending = Promise.resolve().then(() => fetchJson(url));
      files.set(url, pending);
      pending.catch(() => {
        if (files.get(url) === pending) files.delete(url);
      });
    }
    return pending;
  }

  let metaPromise = null;
  function loadMeta() {
    if (!metaPromise) {
      const pending = load('meta.json').then(checkMeta);
      metaPromise = pending;
      pending.catch(() => {
        if (metaPromise === pending) metaPromise = null;
      });
    }
    return metaPromise;
  }

  function termFor(word, meta) {
    if (!meta.stem) return word;
    let term = terms.get(word);
    if (term === undefined) {
      if (typeof stemmer !== 'function') throw new Error('this search index is stemmed: a stemmer is needed');
      term = termOf(word, stemmer);
      terms.set(word, term);
    }
    return term;
  }

  async function chunk(at, folder = 'terms') {
    const data = await load(`${folder}/${at}.json`);
    if (!data || typeof data !== 'object') throw new Error(`search-index/${folder}/${at}.json: not an object`);
    return data;
  }

  return { site, load, loadMeta, termFor, chunk };
}

/** A query word's postings: page id → weight, and the index terms that gave them. */
async function lookUp(index, meta, { word, term, prefix }) {
  const found = new Map(); // term → postings
  const exact = own(await index.chunk(chunkOf(meta.chunks, term)), term);
  if (Array.isArray(exact)) found.set(term, exact);
  // A one-letter word is not expanded: it would fetch a large part of the index.
  if (prefix && word.length >= 2) await addPrefixTerms(index, meta, word, term, found);
  const pages = new Map();
  for (const list of found.values()) {
    for (let i = 0; i + 1 < list.length; i += 2) {
      const page = list[i];
      const weight = list[i + 1];
      if (weight > (pages.get(page) ?? 0)) pages.set(page, weight);
    }
  }
  return { word, term, prefix, pages, terms: new Set(found.keys()) };
}

/** Adds to `found` the terms `word` is a prefix of (the most common first), or else the stem it is typed past. */
async function addPrefixTerms(index, meta, word, term, found) {
  // Terms starting with the word are contiguous in the sorted index: from the word's
  // chunk on, as long as the next chunk's first term still starts with it.
  const first = chunkOf(meta.chunks, word);
  let last = first;
  while (last + 1 < meta.chunks.length && meta.chunks[last + 1].startsWith(word)) last += 1;
  const chunks = [];
  for (let c = first; c <= last; c += 1) chunks.push(index.chunk(c));
  const extra = [];
  for (const data of await Promise.all(chunks)) {
    for (const key of Object.keys(data)) {
      if (key !== term && key.startsWith(word) && Array.isArray(data[key])) extra.push([key, data[key]]);
    }
  }
  extra.sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  for (const [key, list] of extra.slice(0, Math.max(0, MAX_PREFIX_TERMS - found.size))) found.set(key, list);
  // A word being typed may already be past its stem ("rotati" for "rotation", indexed as
  // "rotat"; "generaliz" for "gener"): when no term starts with it, take the longest term
  // of four letters or more that it starts with.
  if (found.size > 0 || !meta.stem) return;
  for (let length = word.length - 1; length >= 4; length -= 1) {
    const stem = word.slice(0, length);
    const list = own(await index.chunk(chunkOf(meta.chunks, stem)), stem);
    if (Array.isArray(list)) {
      found.set(stem, list);
      return;
    }
  }
}

/**
 * Pages named by the query: `exact`, whose title or an alias is the query's words; `prefix`,
 * whose name starts with them (the last word as a prefix unless a space follows it). Names
 * starting with a string are contiguous in the sorted names files, as terms are.
 */
async function lookUpNames(index, meta, list, prefixLast) {
  const exact = new Set();
  const prefix = new Set();
  if (!Array.isArray(meta.names)) return { exact, prefix };
  const name = list.join(' ');
  const start = prefixLast ? name : `${name} `;
  const first = chunkOf(meta.names, name);
  let last = first;
  // A one-letter name is looked up exactly, not expanded (as for terms).
  if (name.length >= 2) while (last + 1 < meta.names.length && meta.names[last + 1].startsWith(start)) last += 1;
  const chunks = [];
  for (let c = first; c <= last; c += 1) chunks.push(index.chunk(c, 'names'));
  for (const data of await Promise.all(chunks)) {
    const ids = own(data, name);
    if (Array.isArray(ids)) for (const id of ids) exact.add(id);
    if (name.length < 2) continue;
    for (const key of Object.keys(data)) {
      if (prefix.size >= MAX_PREFIX_NAMES) break;
      const ids = data[key];
      if (key !== name && key.startsWith(start) && Array.isArray(ids)) for (const id of ids) if (!exact.has(id)) prefix.add(id);
    }
  }
  return { exact, prefix };
}

/** For a folded word of a page's text: the indexes of the query words it matches. */
function matcher(index, meta, groups) {
  return (word) => {
    const term = index.termFor(word, meta);
    const hits = [];
    groups.forEach((group, i) => {
      if (term === group.term || group.terms.has(term) || (group.prefix && word.startsWith(group.word))) hits.push(i);
    });
    return hits;
  };
}

async function loadPage(index, meta, id) {
  const file = await index.load(`pages/${Math.floor(id / meta.pagesPerFile)}.json`);
  const page = Array.isArray(file) ? file[id % meta.pagesPerFile] : undefined;
  if (!page || typeof page.url !== 'string') throw new Error(`search index: no page ${id}`);
  return page;
}

/** A result: the page's title, the alias that found it, its best section and an excerpt. */
function present(index, match, page, id, score) {
  const url = new URL(page.url, index.site).href;
  const sections = Array.isArray(page.sections) ? page.sections : [];
  const groupsIn = (text) => {
    const seen = new Set();
    for (const word of words(text)) for (const i of match(word)) seen.add(i);
    return seen;
  };
  const title = typeof page.title === 'string' ? page.title : page.url;
  const aliases = Array.isArray(page.aliases) ? page.aliases.filter((a) => typeof a === 'string') : [];
  const best = bestSection(sections, groupsIn, groupsIn([title, ...aliases].join(' ')));
  const chosen = sections[best];
  // A page found by an alias says which, unless its title matches too.
  const alias = groupsIn(title).size > 0 ? null : (aliases.find((a) => groupsIn(a).size > 0) ?? null);
  return {
    id,
    url,
    title,
    alias,
    score,
    section:
      best > 0 && chosen
        ? { heading: chosen.heading || title, url: chosen.anchor ? new URL(`#${chosen.anchor}`, url).href : url }
        : null,
    excerpt: chosen ? excerpt(chosen.text ?? '', (written) => words(written).some((w) => match(w).length > 0)) : '',
  };
}

/**
 * The section matching the most query words the name does not (query words the title or an
 * alias already shows matter less), then the most query words; the first one wins ties. The
 * first section's heading is the title: not counted.
 */
function bestSection(sections, groupsIn, named) {
  let best = 0;
  let bestRank = [0, 0];
  sections.forEach((section, i) => {
    const seen = groupsIn(`${i > 0 ? (section.heading ?? '') : ''} ${section.text ?? ''}`);
    const rank = [[...seen].filter((g) => !named.has(g)).length, seen.size];
    if (rank[0] > bestRank[0] || (rank[0] === bestRank[0] && rank[1] > bestRank[1])) {
      best = i;
      bestRank = rank;
    }
  });
  return best;
}

/** Runs a query: every word must match; the last one, unless followed by a space, as a prefix too. */
async function search(index, query) {
  const list = words(query);
  if (list.length === 0) return { query, total: 0, results: async () => [] };
  const meta = await index.loadMeta();
  const prefixLast = !/\s$/u.test(query);
  const queried = new Map();
  list.forEach((word, i) => {
    const prefix = prefixLast && i === list.length - 1;
    const term = index.termFor(word, meta);
    const key = prefix ? `prefix ${word}` : `term ${term}`;
    if (!queried.has(key)) queried.set(key, { word, term, prefix });
  });
  const [names, ...groups] = await Promise.all([lookUpNames(index, meta, list, prefixLast), ...[...queried.values()].map((q) => lookUp(index, meta, q))]);
  const scored = byName(rank(meta, groups), names);
  const match = matcher(index, meta, groups);
  return {
    query,
    total: scored.length,
    /** Results offset … offset + limit - 1, best first, with their pages' files fetched. */
    async results(offset = 0, limit = 10) {
      const slice = scored.slice(Math.max(0, offset), Math.max(0, offset) + Math.max(0, limit));
      const pages = await Promise.all(slice.map(([id]) => loadPage(index, meta, id)));
      return slice.map(([id, score], i) => present(index, match, pages[i], id, score));
    },
  };
}

/** [page, BM25 score] of the pages every query word matches, best first. */
function rank(meta, groups) {
  const N = meta.pages;
  const average = meta.averageLength > 0 ? meta.averageLength : 1;
  const ordered = [...groups].sort((a, b) => a.pages.size - b.pages.size);
  const scored = [];
  for (const [page, weight] of ordered[0].pages) {
    let score = 0;
    for (const group of ordered) {
      const tf = group === ordered[0] ? weight : group.pages.get(page);
      if (tf === undefined) {
        score = -1;
        break;
      }
      const df = group.pages.size;
      const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
      const length = meta.lengths[page] ?? average;
      score += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / average));
    }
    if (score >= 0) scored.push([page, score]);
  }
  scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return scored;
}

/** The pages the query names first (exact, then prefix), each tier by score, then the rest.
 * A named page the words did not find (its name matched only as typed) joins with score 0. */
function byName(scored, { exact, prefix }) {
  if (exact.size === 0 && prefix.size === 0) return scored;
  const tiers = [[], [], []];
  const seen = new Set();
  for (const entry of scored) {
    seen.add(entry[0]);
    tiers[exact.has(entry[0]) ? 0 : prefix.has(entry[0]) ? 1 : 2].push(entry);
  }
  for (const id of exact) if (!seen.has(id)) tiers[0].push([id, 0]);
  for (const id of prefix) if (!seen.has(id)) tiers[1].push([id, 0]);
  return tiers.flat();
}

/** White space as one space; a table's row break (\n in the index's text) as a faint " / ", a
 * cell break (\t) as a faint " | " (none at either end). */
function spaced(html) {
  const mark = (kind) => ` <span class="search-break">${kind}</span> `;
  return html
    .trim()
    .replace(/\s+/g, (run) => (run.includes('\n') ? mark('/') : run.includes('\t') ? mark('|') : ' '));
}

/**
 * About EXCERPT_WORDS words of `text` around its first matching word, as HTML: text
 * escaped, matching words in <mark>, an ellipsis where text was cut.
 */
export function excerpt(text, isMatch) {
  const tokens = [];
  for (const found of text.matchAll(WRITTEN_WORD)) {
    tokens.push({ start: found.index, end: found.index + found[0].length, hit: isMatch(found[0]) });
  }
  if (tokens.length === 0) return spaced(escapeHtml(text));
  const first = tokens.findIndex((token) => token.hit);
  const from = first < 0 ? 0 : Math.max(0, Math.min(first - WORDS_BEFORE_MATCH, tokens.length - EXCERPT_WORDS));
  const to = Math.min(tokens.length, from + EXCERPT_WORDS);
  let position = from === 0 ? 0 : tokens[from].start;
  const end = to === tokens.length ? text.length : tokens[to - 1].end;
  let html = '';
  for (let i = from; i < to; i += 1) {
    const token = tokens[i];
    html += escapeHtml(text.slice(position, token.start));
    const written = escapeHtml(text.slice(token.start, token.end));
    html += token.hit ? `<mark>${written}</mark>` : written;
    position = token.end;
  }
  html += escapeHtml(text.slice(position, end));
  html = spaced(html);
  return `${from > 0 ? '… ' : ''}${html}${end < text.length ? ' …' : ''}`;
}

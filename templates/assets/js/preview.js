// Hover previews: pointing at (or tabbing to) an internal link shows the start of the
// target note, or the linked section, in a popover. Pages are fetched once and cached.
const SHOW_DELAY = 300; // ms of hover before fetching: passing the pointer over a link is not asking
const HIDE_DELAY = 250; // ms of grace to move the pointer from the link into the popover
const EXCERPT_CHARS = 1000;

const cache = new Map(); // page URL → Promise<Element | null> (the target's article.note)

function pageUrl(link) {
  const url = new URL(link.href);
  url.hash = '';
  return url.href;
}

/** A URL of the fetched page, for this one: links within the site stay root-relative (an
 * absolute http URL is what the stylesheet marks as leaving the site, with an arrow). */
function resolved(value, base) {
  const url = new URL(value, base);
  return url.origin === location.origin ? `${url.pathname}${url.search}${url.hash}` : url.href;
}

function absolutize(root, base) {
  for (const el of root.querySelectorAll('[href]')) el.setAttribute('href', resolved(el.getAttribute('href'), base));
  for (const el of root.querySelectorAll('[src]')) el.setAttribute('src', resolved(el.getAttribute('src'), base));
  for (const el of root.querySelectorAll('[srcset]')) el.removeAttribute('srcset');
}

function fetchArticle(url) {
  if (!cache.has(url)) {
    const pending = fetch(url, { headers: { Accept: 'text/html' } })
      .then((response) => (response.ok ? response.text() : null))
      .then((html) => {
        if (html === null) return null;
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const article = doc.querySelector('article.note');
        if (!article) return null;
        article.querySelectorAll('section.backlinks, .toc, .local-graph, script, style').forEach((el) => el.remove());
        absolutize(article, url);
        return article;
      })
      .catch(() => null);
    cache.set(url, pending);
  }
  return cache.get(url);
}

const headingLevel = (el) => (/^H[1-6]$/.test(el.tagName) ? Number(el.tagName[1]) : 0);

/** The part of the article worth showing: the linked section or block, else the opening. */
function excerpt(article, hash) {
  const out = document.createDocumentFragment();
  const title = article.querySelector('h1');
  const target = hash ? article.querySelector(`[id="${CSS.escape(decodeURIComponent(hash.slice(1)))}"]`) : null;
  let node;
  if (target && headingLevel(target)) {
    out.append(target.cloneNode(true));
    node = target.nextElementSibling;
    const level = headingLevel(target);
    let chars = 0;
    while (node && !(headingLevel(node) && headingLevel(node) <= level) && chars < EXCERPT_CHARS) {
      out.append(node.cloneNode(true));
      chars += node.textContent.length;
      node = node.nextElementSibling;
    }
  } else if (target) {
    if (title) out.append(title.cloneNode(true));
    out.append(target.cloneNode(true));
  } else {
    let chars = 0;
    for (node = article.firstElementChild; node && chars < EXCERPT_CHARS; node = node.nextElementSibling) {
      out.append(node.cloneNode(true));
      if (node !== title) chars += node.textContent.length;
    }
  }
  // Ids would clash with the page's own; a rule at either end only adds a line.
  for (const el of out.querySelectorAll('[id]')) el.removeAttribute('id');
  while (out.lastElementChild?.tagName === 'HR') out.lastElementChild.remove();
  return out;
}

/** Puts the popover under the link (above it when there is no room below), inside the window. */
function place(popover, link) {
  const rect = link.getBoundingClientRect();
  const width = popover.offsetWidth;
  const height = popover.offsetHeight;
  const margin = 8;
  const left = Math.max(margin, Math.min(rect.left, innerWidth - width - margin));
  const below = rect.bottom + margin + height <= innerHeight || rect.top < height + margin;
  const top = below ? rect.bottom + margin : rect.top - height - margin;
  popover.style.left = `${left + scrollX}px`;
  popover.style.top = `${top + scrollY}px`;
}

/** The popover shows `content`, the preview of the page at `url`. */
function fill(popover, content, url) {
  const body = document.createElement('div');
  body.className = 'preview-body';
  body.append(content);
  popover.replaceChildren(body);
  popover.dataset.href = url;
  popover.hidden = false;
  popover.scrollTop = 0;
}

/** The internal link `target` is in, when it leads to another page of this site. */
function previewable(popover, target) {
  const link = target instanceof Element ? target.closest('a.internal[href]') : null;
  if (!link || popover.contains(link)) return null;
  const url = new URL(link.href);
  if (url.origin !== location.origin) return null;
  // A link to a place on this same page needs no preview.
  if (url.pathname === location.pathname) return null;
  return link;
}

export function initPreviews() {
  const popover = document.createElement('div');
  popover.className = 'preview-popover';
  popover.id = 'almanac-preview';
  popover.setAttribute('role', 'tooltip');
  popover.hidden = true;
  document.body.append(popover);

  let active = null; // the link whose preview is showing or on its way
  let showTimer = 0;
  let hideTimer = 0;

  const hide = () => {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    active?.removeAttribute('aria-describedby');
    active = null;
    popover.hidden = true;
    popover.classList.remove('is-visible');
  };

  const show = async (link) => {
    const url = pageUrl(link);
    const article = await fetchArticle(url);
    if (active !== link) return; // the pointer moved on while fetching
    if (!article) return hide();
    fill(popover, excerpt(article, new URL(link.href).hash), url);
    place(popover, link);
    popover.classList.add('is-visible');
    link.setAttribute('aria-describedby', popover.id);
  };

  const request = (link, delay) => {
    clearTimeout(hideTimer);
    if (active === link) return;
    clearTimeout(showTimer);
    if (active) hide();
    active = link;
    showTimer = setTimeout(() => show(link), delay);
  };
  const release = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, HIDE_DELAY);
  };

  document.addEventListener('pointerover', (event) => {
    if (event.pointerType === 'touch') return; // a tap follows the link
    if (popover.contains(event.target)) return clearTimeout(hideTimer);
    const link = previewable(popover, event.target);
    if (link) request(link, SHOW_DELAY);
  });
  document.addEventListener('pointerout', (event) => {
    if (!active) return;
    const from = event.target instanceof Element ? event.target : null;
    const to = event.relatedTarget instanceof Node ? event.relatedTarget : null;
    const inside = (node) => node && (active.contains(node) || popover.contains(node));
    if (from && inside(from) && !inside(to)) release();
  });
  document.addEventListener('focusin', (event) => {
    const link = previewable(popover, event.target);
    if (link && link.matches(':focus-visible')) request(link, 0);
    else if (active && !popover.contains(event.target)) hide();
  });
  document.addEventListener('focusout', (event) => {
    if (active && event.target === active && !popover.contains(event.relatedTarget)) release();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && active) hide();
  });
  // Following a link or scrolling away ends the preview.
  document.addEventListener('click', (event) => {
    if (!popover.contains(event.target)) hide();
  });
  addEventListener('scroll', () => { if (!popover.hidden) hide(); }, { passive: true });
  addEventListener('pageshow', hide);
}

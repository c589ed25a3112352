// Marks the contents entry of the section being read. On a phone the side column follows the
// note, so the contents are copied above its text too, closed (details.toc-inline).
export function initToc() {
  const toc = document.querySelector('aside nav.toc');
  const header = document.querySelector('article.note > .note-header');
  if (toc && header) {
    const inline = Object.assign(document.createElement('details'), { className: 'toc toc-inline' });
    inline.append(Object.assign(document.createElement('summary'), { textContent: 'Contents' }), toc.querySelector('ul').cloneNode(true));
    inline.addEventListener('click', (event) => { if (event.target.closest('a')) inline.open = false; });
    header.after(inline);
  }
  if (!toc || !('IntersectionObserver' in window)) return;
  const entries = new Map(); // heading → its links
  for (const link of document.querySelectorAll('.toc a[href^="#"]')) {
    const heading = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
    if (heading) entries.set(heading, [...(entries.get(heading) ?? []), link]);
  }
  if (entries.size === 0) return;
  const headings = [...entries.keys()];
  const visible = new Set();
  let current = [];
  const mark = () => {
    // The first heading on screen, or else the last one scrolled past.
    let target = headings.find((h) => visible.has(h));
    if (!target) target = headings.filter((h) => h.getBoundingClientRect().top < 0).pop() ?? headings[0];
    const links = entries.get(target);
    if (links === current) return;
    for (const link of current) link.removeAttribute('aria-current');
    for (const link of links) link.setAttribute('aria-current', 'location');
    current = links;
  };
  const observer = new IntersectionObserver((changes) => {
    for (const change of changes) {
      if (change.isIntersecting) visible.add(change.target);
      else visible.delete(change.target);
    }
    mark();
  }, { rootMargin: '0px 0px -60% 0px' });
  for (const heading of headings) observer.observe(heading);
}

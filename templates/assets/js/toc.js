// Marks the table-of-contents entry of the section being read.
export function initToc() {
  const toc = document.querySelector('nav.toc');
  if (!toc || !('IntersectionObserver' in window)) return;
  const entries = new Map();
  for (const link of toc.querySelectorAll('a[href^="#"]')) {
    const id = decodeURIComponent(link.getAttribute('href').slice(1));
    const heading = id && document.getElementById(id);
    if (heading) entries.set(heading, link);
  }
  if (entries.size === 0) return;
  const headings = [...entries.keys()];
  const visible = new Set();
  let current = null;
  const mark = () => {
    // The first heading on screen, or else the last one scrolled past.
    let target = headings.find((h) => visible.has(h));
    if (!target) target = headings.filter((h) => h.getBoundingClientRect().top < 0).pop() ?? headings[0];
    const link = entries.get(target);
    if (link === current) return;
    current?.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'location');
    current = link;
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

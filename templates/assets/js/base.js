// Where the site lives: `<meta name="almanac-base">` holds the prefix the build used
// (`/`, `/prefix/`, or a relative `../`); resolve it once to an absolute URL.
export function siteBase() {
  const raw = document.querySelector('meta[name="almanac-base"]')?.getAttribute('content') || '/';
  const url = new URL(raw, document.baseURI);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}

/** A site URL from graph data: absolute paths stay as they are, others are relative to the base. */
export function siteUrl(path, base) {
  return new URL(path, base);
}

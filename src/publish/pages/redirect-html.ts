// An alias URL (/nvda/) that sends the reader on to the note. Thousands of these in a
// large vault are the same few lines each, so they are made here rather than as
// Eleventy pages: at 10,000 notes that halves the pages Eleventy renders.
import { escapeHtml } from '../../util/escape-html.js';
import type { LayoutData, RedirectPage } from './types.js';

export function redirectHtml(page: RedirectPage, layout: LayoutData): string {
  const title = escapeHtml(page.title);
  const target = escapeHtml(page.target);
  return `<!doctype html>
<html lang="${escapeHtml(layout.language)}">
<head>
<meta charset="utf-8">
<title>${title}</title>
<meta http-equiv="refresh" content="0; url=${target}">
<link rel="canonical" href="${escapeHtml(page.canonical)}">
<meta name="robots" content="noindex">
<link rel="icon" type="image/svg+xml" href="${escapeHtml(layout.base)}assets/favicon.svg">
</head>
<body>
<p>Redirecting to <a href="${target}">${title}</a>.</p>
</body>
</html>
`;
}

// What a rendered page needs beyond the site's own stylesheet and script: the KaTeX
// stylesheet for math, the Mermaid loader for diagrams. Handlers add to the render's set
// (embedded notes included); the page template and asset copying read the sorted list.
export type PageFeature = 'math' | 'mermaid' | 'code';

export const PAGE_FEATURES: readonly PageFeature[] = ['code', 'math', 'mermaid'];

/** The features of a render, in a stable order (pages and caches compare them as lists). */
export function featureList(features: ReadonlySet<PageFeature>): PageFeature[] {
  return PAGE_FEATURES.filter((feature) => features.has(feature));
}

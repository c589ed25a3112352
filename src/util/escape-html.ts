/** Nunjucks' autoescape (the templates' escaping), for HTML Almanac writes without a template:
 * text and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&"'<>\\]/g, (char) => ENTITIES[char] ?? char);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '\\': '&#92;' };

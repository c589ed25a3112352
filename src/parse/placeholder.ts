// A template placeholder: a whole value Obsidian's Templates (`{{date}}`, `{{title}}`) or
// Templater (`<% tp.date.now() %>`) fills in when the template is used. It names no alias or
// tag and dates nothing until then.
const PLACEHOLDER = /^(?:\{\{[^{}]*\}\}|<%.*%>)$/;

export function isTemplatePlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

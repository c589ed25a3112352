// Trusted fragments: HTML a renderer produced itself (KaTeX's math) that the note sanitizer
// rightly refuses (style attributes, MathML). The producer sanitizes its HTML with its own
// narrow schema (sanitizeFragment), a handler puts a placeholder in the note's tree
// (TrustedFragments.slot), and after the note's rehype-sanitize has run and the tree is
// HTML, splice() puts each fragment in its placeholder's place.
//
// A placeholder is `<span data-almanac-slot="{nonce}-{n}"></span>`: the nonce is random per
// process and never written out (every placeholder is replaced, unknown ones by nothing), so
// a note's raw HTML, which the note sanitizer passes through with its data-* attributes,
// cannot name a slot: a forged one is removed, never filled.
import { randomBytes } from 'node:crypto';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { PageFeature } from './features.js';
import { el } from './hast.js';

const NONCE = randomBytes(16).toString('hex');
/** Any placeholder-shaped span: this process's (filled) or a forged one (removed). */
const SLOT = /<span data-almanac-slot="([^"]*)"><\/span>/g;

export class TrustedFragments {
  private readonly fragments: string[] = [];

  /** A placeholder element standing for `html`, which must already be safe (sanitizeFragment). */
  slot(html: string): Element {
    this.fragments.push(html);
    return el('span', { dataAlmanacSlot: `${NONCE}-${this.fragments.length - 1}` });
  }

  /** The note's sanitized HTML with each placeholder replaced by its fragment. */
  splice(html: string): string {
    if (!html.includes('data-almanac-slot')) return html;
    return html.replace(SLOT, (_whole, name: string) => {
      const dash = name.lastIndexOf('-');
      if (name.slice(0, dash) !== NONCE) return '';
      return this.fragments[Number(name.slice(dash + 1))] ?? '';
    });
  }
}

/**
 * The fragments of one page's render. A render's set of features is the one object its
 * handlers share across the page and every note it embeds (scope.ts), so the fragments
 * are kept beside it; a render that did not open any (no splice to come) gets null, and
 * its handlers fall back to markup the note sanitizer accepts.
 */
const byRender = new WeakMap<Set<PageFeature>, TrustedFragments>();

export function openTrustedFragments(features: Set<PageFeature>): TrustedFragments {
  const fragments = new TrustedFragments();
  byRender.set(features, fragments);
  return fragments;
}

export function trustedFragmentsOf(features: Set<PageFeature>): TrustedFragments | null {
  return byRender.get(features) ?? null;
}

/** CSS declarations a fragment's `style` may hold: property → whether it is allowed. */
export type StylePolicy = (property: string, value: string) => boolean;

/** A style value with no functions, quotes, escapes or URLs: lengths, numbers, colour names, `#hex`. */
const PLAIN_VALUE = /^[-\w.#%, ]*$/;

/**
 * Sanitize a producer's HTML with its own schema; `style` attributes (which the schema
 * must allow where wanted) keep only the declarations `allowStyle` accepts, with plain
 * values. Returns HTML ready for a slot.
 */
export function sanitizeFragment(html: string, schema: Schema, allowStyle: StylePolicy): string {
  const tree = sanitize(fromHtml(html, { fragment: true }), schema) as Root;
  visit(tree, 'element', (node: Element) => {
    const style = node.properties.style;
    if (style === undefined) return;
    const kept = String(style)
      .split(';')
      .map((declaration) => declaration.trim())
      .filter((declaration) => {
        const colon = declaration.indexOf(':');
        if (colon < 1) return false;
        const property = declaration.slice(0, colon).trim().toLowerCase();
        const value = declaration.slice(colon + 1).trim();
        return PLAIN_VALUE.test(value) && allowStyle(property, value);
      });
    if (kept.length > 0) node.properties.style = `${kept.join(';')};`;
    else delete node.properties.style;
  });
  return toHtml(tree);
}

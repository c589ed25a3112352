// What KaTeX's output may hold, and nothing else: spans with KaTeX's classes and inline
// styles (sizes and offsets; colours from \color, which KaTeX checks are colours), the
// MathML elements and attributes KaTeX writes, and the SVG it draws stretchy symbols and
// roots with (paths and lines only). No links, images, ids or event handlers: with trust
// false KaTeX writes none, and this schema would drop them if it did.
import type { Schema } from 'hast-util-sanitize';

const MATHML = [
  'math',
  'semantics',
  'annotation',
  'mrow',
  'mi',
  'mn',
  'mo',
  'ms',
  'mtext',
  'mspace',
  'msup',
  'msub',
  'msubsup',
  'mfrac',
  'msqrt',
  'mroot',
  'mover',
  'munder',
  'munderover',
  'mstyle',
  'mpadded',
  'mphantom',
  'menclose',
  'mtable',
  'mtr',
  'mtd',
  'mlabeledtr',
];

/** MathML presentation attributes KaTeX sets (values are its own: sizes, flags, colours). */
const MATHML_ATTRIBUTES = [
  'mathvariant',
  'mathcolor',
  'mathbackground',
  'mathsize',
  'scriptlevel',
  'displaystyle',
  'stretchy',
  'fence',
  'separator',
  'minsize',
  'maxsize',
  'lspace',
  'rspace',
  'accent',
  'accentunder',
  'movablelimits',
  'linethickness',
  'width',
  'height',
  'depth',
  'voffset',
  'notation',
  'rowspacing',
  'columnspacing',
  'columnalign',
  'rowalign',
  'columnlines',
  'rowlines',
  'frame',
  'framespacing',
  'equalrows',
  'equalcolumns',
  'side',
  'linebreak',
  'style',
];

export const KATEX_SCHEMA: Schema = {
  strip: ['script', 'style'],
  clobber: [],
  ancestors: {},
  protocols: {},
  tagNames: ['span', 'svg', 'path', 'line', ...MATHML],
  attributes: {
    span: ['className', 'style', 'ariaHidden'],
    math: ['xmlns', 'display'],
    annotation: ['encoding'],
    svg: ['xmlns', 'width', 'height', 'viewBox', 'preserveAspectRatio', 'style'],
    path: ['d'],
    line: ['x1', 'y1', 'x2', 'y2', 'strokeWidth'],
    ...Object.fromEntries(MATHML.filter((name) => name !== 'math' && name !== 'annotation').map((name) => [name, MATHML_ATTRIBUTES])),
  },
};

/** Properties KaTeX's inline styles use: box sizes, offsets, borders (fraction bars,
 * \boxed, \cancel), colours. Never `position`/`display` changes beyond its own, never URLs. */
const STYLE_PROPERTIES =
  /^(?:width|height|min-width|max-width|top|bottom|left|right|vertical-align|margin(?:-(?:left|right|top|bottom))?|padding(?:-(?:left|right|top|bottom))?|border(?:-(?:top|bottom|left|right))?(?:-(?:width|style|color))?|border-(?:top|bottom|left|right)?-?(?:width|style|color)|color|background-color|font-size|line-height|position|display)$/;

export function katexStyleAllowed(property: string): boolean {
  return STYLE_PROPERTIES.test(property);
}

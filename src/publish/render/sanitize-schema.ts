// The allowlist note HTML passes through: GitHub's default schema plus what Markdown
// and Obsidian rendering produce (ids, classes, data-* on our own markup, <mark>,
// foldable callouts, image sizes). Scripts, event handlers and javascript: URLs never pass.
import { defaultSchema } from 'rehype-sanitize';
import type { Schema } from 'hast-util-sanitize';
import { CLOBBER_PREFIX } from './user-ids.js';

const base = defaultSchema.attributes ?? {};
/** The default allows only footnote classes on links; ours carry `internal`, `tag`, `attachment`. */
const withoutClassRule = (list: NonNullable<Schema['attributes']>[string] = []) => list.filter((entry) => !(Array.isArray(entry) && entry[0] === 'className'));

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'mark',
    'figure',
    'figcaption',
    'audio',
    'video',
    'abbr',
    'u',
    'small',
    'cite',
    'caption',
    'colgroup',
    'col',
    'time',
  ],
  attributes: {
    ...base,
    a: [...withoutClassRule(base.a), 'className', 'data*', 'title'],
    img: [...(base.img ?? []), 'className', 'width', 'height', 'loading', 'alt', 'title'],
    audio: ['src', ['controls', true], 'preload'],
    video: ['src', ['controls', true], 'preload', 'width', 'height'],
    code: [...withoutClassRule(base.code), 'className'],
    // Dates in properties and Bases tables (publish/properties/value.ts): the machine-readable date only.
    time: ['dateTime'],
    // The default allows only the task-list classes here; properties pills carry their own.
    ul: [...withoutClassRule(base.ul), 'className'],
    li: [...withoutClassRule(base.li), 'className'],
    '*': [...(base['*'] ?? []), 'className', 'data*', 'id', 'open'],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
  },
  // Every id and name gets the prefix; rehypeUserContentIds (user-ids.ts) then takes it off
  // Almanac's own heading and block ids, and points `#fragment` links at the prefixed ids.
  clobber: ['ariaDescribedBy', 'ariaLabelledBy', 'id', 'name'],
  clobberPrefix: CLOBBER_PREFIX,
  strip: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'textarea', 'title'],
};

/**
 * The schema of note HTML, which keeps `<iframe>` with the attributes iframes.ts reads to judge
 * and rebuild one (it sets sandbox, loading and referrerpolicy itself). Only for a pipeline that
 * runs rehypeIframes right after sanitizing (note-html.ts): anywhere else iframes are stripped.
 */
export const noteSanitizeSchema: Schema = {
  ...sanitizeSchema,
  tagNames: [...(sanitizeSchema.tagNames ?? []), 'iframe'],
  attributes: { ...sanitizeSchema.attributes, iframe: ['src', 'width', 'height', 'title', 'allow', 'allowFullScreen'] },
  strip: (sanitizeSchema.strip ?? []).filter((name) => name !== 'iframe'),
};

// `site:` in almanac.yaml: options of the published site. `base` and `output` live at the top level.
import { z } from 'zod';

/** Keys the page header shows (tags, aliases, type, `updated`): never in the properties block, so nothing shows twice. */
export const HEADER_PROPERTIES = ['tags', 'tag', 'aliases', 'alias', 'type', 'updated'];

/** Keys left out unless `site.properties.show` names them: what Publish itself reads (`publish`, `permalink`,
 * `cssclasses`) and Almanac's own control key (`stale: false`, see stale/). */
export const DEFAULT_HIDDEN_PROPERTIES = ['publish', 'permalink', 'cssclasses', 'cssclass', 'stale'];

const keyList = z.array(z.string().min(1)).default([]);

/** `site.properties`: the properties block under a note's title; `false` turns it off; `hide` adds keys to
 * the defaults left out, `show` brings default ones back. Parsed into the full list of hidden keys. */
export const propertiesSchema = z
  .union([z.boolean(), z.object({ hide: keyList, show: keyList }).strict()])
  .default(true)
  .transform((value): false | { hide: string[] } => {
    if (value === false) return false;
    const { hide, show } = value === true ? { hide: [], show: [] } : value;
    const shown = new Set(show.map((key) => key.toLowerCase()));
    const defaults = DEFAULT_HIDDEN_PROPERTIES.filter((key) => !shown.has(key));
    return { hide: [...HEADER_PROPERTIES, ...defaults, ...hide] };
  });

/** A host name as `site.embeds` lists it: `www.example.com`, no scheme, port or path; kept lowercase. */
const embedHost = z
  .string()
  .regex(
    /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i,
    'a host name such as www.example.com (no https://, port or path)',
  )
  .transform((host) => host.toLowerCase());

export const siteSchema = z
  .object({
    /** Site title, shown in the header, the home page and the feed (default: the title of the vault's index.md, else "Almanac"). */
    title: z.string().min(1).optional(),
    /** Absolute origin the site is served from (`https://me.github.io`), for sitemap and feed URLs. */
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** Vault-relative globs (picomatch, as `ignore`) of notes, folders and files never published: `Private`, `Drafts/2026`, `Priv*`, `Private/Hidden` (see config/exclude.ts). */
    exclude: z.array(z.string().min(1)).default([]),
    /** Language of the pages (`<html lang>`). */
    language: z.string().min(1).default('en'),
    /** Number of notes in the Atom feed, most recently `updated` first. */
    feedSize: z.number().int().positive().default(20),
    /** Frontmatter keys shown as columns on a type page, per type; by default the keys most notes of the type have. */
    columns: z.record(z.string(), z.array(z.string())).default({}),
    /** Publish attachments a browser runs script from (`.html`, `.xhtml`, `.xml`, `.svgz`, `.js`…: see
     * publish/render/attachment-safety.ts). Off: they are not copied, and links to them are plain text. */
    allowHtmlAttachments: z.boolean().default(false),
    /** The properties block under each note's title (publish/properties/): `false`, or `{hide: [keys]}` (default DEFAULT_HIDDEN_PROPERTIES). */
    properties: propertiesSchema,
    /** More iframe hosts to keep in notes, beyond the built-in embed allowlist (publish/render/embed/iframe-hosts.ts): host names such as `embed.example.com`. */
    embeds: z.array(embedHost).default([]),
  })
  .strict();

export type SiteOptions = z.output<typeof siteSchema>;

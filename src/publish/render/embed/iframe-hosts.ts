// Which iframes a note may keep: an https `src` on a host of the built-in allowlist (the
// players and viewers real vaults embed), under the path the host serves embeds from, or on
// a host `site.embeds` adds (any path). The URL is read with WHATWG URL parsing, the way the
// browser will read it, so `//host`, `https://youtube.com.evil.com`, `https://youtube.com@evil.com`
// and entity-encoded or mixed-case schemes are judged by the host they really name.

interface EmbedHost {
  hosts: readonly string[];
  /** The embed's path must start with one of these (empty: any path). */
  paths: readonly string[];
  /** Tokens added to the base sandbox (see SANDBOX). */
  sandbox?: readonly string[];
}

/** Built-in embed hosts (README "Embeds"). */
export const EMBED_HOSTS: readonly EmbedHost[] = [
  { hosts: ['www.youtube.com', 'youtube.com', 'www.youtube-nocookie.com', 'youtube-nocookie.com'], paths: ['/embed/'] },
  { hosts: ['player.vimeo.com'], paths: ['/video/'] },
  { hosts: ['www.loom.com', 'loom.com'], paths: ['/embed/'] },
  { hosts: ['open.spotify.com'], paths: ['/embed/', '/embed-podcast/'] },
  { hosts: ['www.google.com'], paths: ['/maps/embed'] },
  // Forms post their answers from the frame.
  { hosts: ['docs.google.com'], paths: [], sandbox: ['allow-forms'] },
  { hosts: ['www.figma.com', 'figma.com'], paths: ['/embed'] },
  { hosts: ['codepen.io'], paths: [] },
];

/**
 * The sandbox every kept iframe gets. `allow-scripts` and `allow-same-origin` together are only
 * unsafe for a frame of the site's own origin, which is never allowed here (https on another
 * host only); the players need both (scripts, and their own cookies and storage). Popups open
 * "Watch on YouTube" and similar links; presentation is the Presentation API (casting). No
 * `allow-top-navigation`: an embed cannot navigate the page away.
 */
export const SANDBOX = ['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-presentation'] as const;

/** Permissions-Policy features an embed may ask for in `allow` (no camera, microphone, geolocation, payment…). */
export const ALLOWED_FEATURES = new Set([
  'accelerometer',
  'autoplay',
  'clipboard-write',
  'encrypted-media',
  'fullscreen',
  'gyroscope',
  'picture-in-picture',
  'web-share',
]);

export interface AllowedFrame {
  /** The URL as the browser reads it, re-serialised. */
  src: string;
  sandbox: string[];
}

export type FrameVerdict = { ok: true; frame: AllowedFrame } | { ok: false; reason: string };

/** Whether an iframe `src` may stay, and with which sandbox. `extra`: `site.embeds` (lowercase). */
export function judgeFrameSrc(src: unknown, extra: readonly string[]): FrameVerdict {
  if (typeof src !== 'string' || src.trim() === '')
    return { ok: false, reason: 'it has no https src (a javascript:, data: or empty src is dropped by the sanitizer first)' };
  let url: URL;
  try {
    // Relative to a placeholder origin, so `//host/x` and `/x` parse as a browser would read them.
    url = new URL(src, 'https://almanac.invalid/');
  } catch {
    return { ok: false, reason: 'its src is not a URL' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: `its src is not https (${url.protocol})` };
  // `//host/x` is https here (the site is served over https or http; the embed always https).
  if (url.hostname === 'almanac.invalid') return { ok: false, reason: 'its src is not an absolute https URL' };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'its src carries a user name' };
  if (url.port !== '') return { ok: false, reason: `${url.host} is not on the embed allowlist` };
  const host = url.hostname;
  if (extra.includes(host)) return { ok: true, frame: { src: url.href, sandbox: [...SANDBOX] } };
  const known = EMBED_HOSTS.find((entry) => entry.hosts.includes(host));
  if (!known) return { ok: false, reason: `${host} is not on the embed allowlist (add it to site.embeds in almanac.yaml to keep it)` };
  if (known.paths.length > 0 && !known.paths.some((path) => url.pathname.startsWith(path)))
    return { ok: false, reason: `${host}${url.pathname} is not one of ${host}'s embed addresses (${known.paths.join(', ')})` };
  return { ok: true, frame: { src: url.href, sandbox: [...SANDBOX, ...(known.sandbox ?? [])] } };
}

/** An `allow` attribute with only the features in ALLOWED_FEATURES, origins dropped (each
 * feature then applies to the frame's own origin only); null when none is left. */
export function filterAllow(allow: unknown): string | null {
  if (typeof allow !== 'string') return null;
  const features = allow
    .split(';')
    .map((directive) => directive.trim().split(/\s+/)[0]?.toLowerCase() ?? '')
    .filter((feature, index, all) => ALLOWED_FEATURES.has(feature) && all.indexOf(feature) === index);
  return features.length > 0 ? features.join('; ') : null;
}

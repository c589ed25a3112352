// `![](https://www.youtube.com/watch?v=ID)` and other web addresses Obsidian shows as players:
// YouTube (watch, youtu.be, shorts, live, embed; `t=`/`start=` start time; playlists) as the
// youtube-nocookie player, Vimeo as its player, and posts on X/Twitter as a link card (no
// third-party script). The iframes made here are judged like any other (iframes.ts).
import type { ElementContent } from 'hast';
import { el, text } from '../hast.js';

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'music.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com']);
const TWITTER_HOSTS = new Set(['twitter.com', 'www.twitter.com', 'mobile.twitter.com', 'x.com', 'www.x.com']);
const VIDEO_ID = /^[A-Za-z0-9_-]{6,20}$/;
const PLAYER_FEATURES = 'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share';

export interface MediaSize {
  width: number;
  height?: number;
}

/** The player or card for a web address, or null when it is an ordinary image. */
export function mediaEmbed(address: string, alt: string | null, size?: MediaSize): ElementContent | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  const youtube = YOUTUBE_HOSTS.has(host) || host === 'youtu.be' ? youtubePlayer(url) : null;
  if (youtube) return player(youtube, alt || 'YouTube video', 'embed-youtube', size);
  const vimeo = host === 'vimeo.com' || host === 'www.vimeo.com' ? vimeoPlayer(url) : null;
  if (vimeo) return player(vimeo, alt || 'Vimeo video', 'embed-vimeo', size);
  if (TWITTER_HOSTS.has(host)) return tweetCard(url, alt);
  return null;
}

function player(src: string, title: string, kind: string, size: MediaSize | undefined): ElementContent {
  const dimensions = size ? { width: String(size.width), ...(size.height ? { height: String(size.height) } : {}) } : {};
  return el('span', { className: ['embed-frame', kind] }, [el('iframe', { src, title, allow: PLAYER_FEATURES, allowFullScreen: true, ...dimensions })]);
}

/** The youtube-nocookie player address for a YouTube page, or null. */
export function youtubePlayer(url: URL): string | null {
  const parts = url.pathname.split('/').filter((part) => part !== '');
  const list = url.searchParams.get('list');
  let id: string | undefined;
  if (url.hostname === 'youtu.be') id = parts[0];
  else if (parts[0] === 'watch') id = url.searchParams.get('v') ?? undefined;
  else if (parts[0] === 'shorts' || parts[0] === 'live' || parts[0] === 'embed' || parts[0] === 'v') id = parts[1];
  else if (parts[0] === 'playlist' && list) id = 'videoseries';
  if (!id || (id !== 'videoseries' && !VIDEO_ID.test(id))) return null;
  const query = new URLSearchParams();
  if (list && /^[A-Za-z0-9_-]+$/.test(list)) query.set('list', list);
  const start = startSeconds(url.searchParams.get('t') ?? url.searchParams.get('start') ?? url.hash.replace(/^#t=/, ''));
  if (start > 0) query.set('start', String(start));
  const search = query.toString();
  return `https://www.youtube-nocookie.com/embed/${id}${search ? `?${search}` : ''}`;
}

/** `90`, `90s`, `1m30s`, `1h2m3s` → seconds (0 when absent or unreadable). */
export function startSeconds(value: string | null): number {
  if (!value) return 0;
  if (/^\d+$/.test(value)) return Number(value);
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
  if (!match) return 0;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

/** `vimeo.com/123`, `vimeo.com/123/abcdef` (unlisted), `vimeo.com/channels/x/123` → the player. */
function vimeoPlayer(url: URL): string | null {
  const parts = url.pathname.split('/').filter((part) => part !== '');
  const at = parts.findIndex((part) => /^\d{3,12}$/.test(part));
  if (at === -1) return null;
  const hash = parts[at + 1];
  const unlisted = hash && /^[0-9a-f]{6,20}$/i.test(hash) ? `?h=${hash}` : '';
  return `https://player.vimeo.com/video/${parts[at]}${unlisted}`;
}

/** A post on X/Twitter as a card linking to it: who posted, and where. */
function tweetCard(url: URL, alt: string | null): ElementContent | null {
  const parts = url.pathname.split('/').filter((part) => part !== '');
  const [user, status, id] = parts;
  if (!user || (status !== 'status' && status !== 'statuses') || !id || !/^\d{1,25}$/.test(id) || !/^\w{1,30}$/.test(user)) return null;
  const href = `https://${url.hostname}/${user}/status/${id}`;
  return el('a', { className: ['embed-card', 'embed-tweet'], href }, [
    el('span', { className: ['embed-card-title'] }, [text(alt || `Post by @${user}`)]),
    el('span', { className: ['embed-card-url'] }, [text(`${url.hostname}/${user}/status/${id}`)]),
  ]);
}

// Split a link target as written (`Folder/Note.md#H1#H2`, `Note#^id`, `#Heading`)
// into the note/file path and the subpath Obsidian resolves inside it.
import type { Subpath } from './types.js';

export interface SplitTarget {
  path: string;
  subpath: Subpath | null;
}

export function splitTarget(target: string): SplitTarget {
  const hash = target.indexOf('#');
  if (hash === -1) return { path: target.trim(), subpath: null };
  const path = target.slice(0, hash).trim();
  const rest = target.slice(hash + 1);
  if (rest.startsWith('^')) return { path, subpath: { type: 'block', id: rest.slice(1).trim() } };
  const headings = rest
    .split('#')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return { path, subpath: headings.length > 0 ? { type: 'heading', headings } : null };
}

/** `|200` or `|200x100` after an embed's target: an image size, not display text. */
export function parseSize(display: string | null): { width: number; height?: number } | undefined {
  if (display === null) return undefined;
  const match = /^(\d+)(?:x(\d+))?$/.exec(display.trim());
  if (!match?.[1]) return undefined;
  return match[2] ? { width: Number(match[1]), height: Number(match[2]) } : { width: Number(match[1]) };
}

// A note's text as lines that keep their own endings, so untouched bytes stay untouched.
const BOM = '\uFEFF';

export interface NoteLines {
  bom: string;
  /** Line text without its ending; index 0 is file line 1. */
  texts: string[];
  /** `\n`, `\r\n`, `\r` or `''` (last line without a final newline). */
  endings: string[];
}

export function splitLines(source: string): NoteLines {
  const bom = source.startsWith(BOM) ? BOM : '';
  const body = source.slice(bom.length);
  const texts: string[] = [];
  const endings: string[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = pattern.exec(body); match; match = pattern.exec(body)) {
    texts.push(body.slice(start, match.index));
    endings.push(match[0]);
    start = match.index + match[0].length;
  }
  if (start < body.length || texts.length === 0) {
    texts.push(body.slice(start));
    endings.push('');
  }
  return { bom, texts, endings };
}

export function joinLines(lines: NoteLines): string {
  let text = lines.bom;
  for (let index = 0; index < lines.texts.length; index++) text += (lines.texts[index] ?? '') + (lines.endings[index] ?? '');
  return text;
}

/** The ending new lines should use: the first one in the note, else `\n`. */
export function preferredEnding(lines: NoteLines): string {
  return lines.endings.find((ending) => ending !== '') ?? '\n';
}

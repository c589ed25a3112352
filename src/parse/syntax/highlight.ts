// Obsidian `==highlight==`, tokenized like GFM strikethrough (attention-style
// sequences paired in a resolver) so the highlighted text keeps its inline syntax.
import type { Code, Construct, Event, Extension, State, Token, TokenizeContext, Effects, Resolver } from 'micromark-util-types';
import type { Extension as FromMarkdownExtension, CompileContext, Token as MdToken } from 'mdast-util-from-markdown';
import { splice } from 'micromark-util-chunked';
import { classifyCharacter } from 'micromark-util-classify-character';
import { resolveAll } from 'micromark-util-resolve-all';

const EQUALS = 61;

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    highlight: 'highlight';
    highlightText: 'highlightText';
    highlightSequence: 'highlightSequence';
    highlightSequenceTemporary: 'highlightSequenceTemporary';
  }
  interface Token {
    _highlightOpen?: boolean;
    _highlightClose?: boolean;
  }
}

export function highlightSyntax(): Extension {
  const construct: Construct = { name: 'highlight', tokenize, resolveAll: resolveAllHighlight };
  return {
    text: { [EQUALS]: construct },
    insideSpan: { null: [construct] },
    attentionMarkers: { null: [EQUALS] },
  };
}

const resolveAllHighlight: Resolver = (events, context) => {
  let index = -1;
  while (++index < events.length) {
    const closeEvent = events[index];
    if (closeEvent?.[0] !== 'enter' || closeEvent[1].type !== 'highlightSequenceTemporary' || !closeEvent[1]._highlightClose) continue;
    let open = index;
    while (open--) {
      const openEvent = events[open];
      if (openEvent?.[0] !== 'exit' || openEvent[1].type !== 'highlightSequenceTemporary' || !openEvent[1]._highlightOpen) continue;
      const opener = openEvent[1];
      const closer = closeEvent[1];
      opener.type = 'highlightSequence';
      closer.type = 'highlightSequence';
      const whole: Token = { type: 'highlight', start: { ...opener.start }, end: { ...closer.end } };
      const text: Token = { type: 'highlightText', start: { ...opener.end }, end: { ...closer.start } };
      const next: Event[] = [
        ['enter', whole, context],
        ['enter', opener, context],
        ['exit', opener, context],
        ['enter', text, context],
      ];
      const insideSpan = context.parser.constructs.insideSpan.null;
      if (insideSpan) splice(next, next.length, 0, resolveAll(insideSpan, events.slice(open + 1, index), context));
      splice(next, next.length, 0, [
        ['exit', text, context],
        ['enter', closer, context],
        ['exit', closer, context],
        ['exit', whole, context],
      ]);
      splice(events, open - 1, index - open + 3, next);
      index = open + next.length - 2;
      break;
    }
  }
  for (const event of events) {
    if (event[1].type === 'highlightSequenceTemporary') event[1].type = 'data';
  }
  return events;
};

function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const previous = this.previous;
  const events = this.events;
  let size = 0;
  return start;

  function start(code: Code): State | undefined {
    const last = events[events.length - 1];
    if (previous === EQUALS && last && last[1].type !== 'characterEscape') return nok(code);
    effects.enter('highlightSequenceTemporary');
    return more(code);
  }
  function more(code: Code): State | undefined {
    const before = classifyCharacter(previous);
    if (code === EQUALS) {
      if (size > 1) return nok(code);
      effects.consume(code);
      size++;
      return more;
    }
    if (size < 2) return nok(code);
    const token = effects.exit('highlightSequenceTemporary');
    const after = classifyCharacter(code);
    token._highlightOpen = !after || (after === 2 && Boolean(before));
    token._highlightClose = !before || (before === 2 && Boolean(after));
    return ok(code);
  }
}

export function highlightFromMarkdown(): FromMarkdownExtension {
  return {
    canContainEols: ['highlight'],
    enter: {
      highlight(this: CompileContext, token: MdToken) {
        this.enter({ type: 'highlight', children: [] }, token);
      },
    },
    exit: {
      highlight(this: CompileContext, token: MdToken) {
        this.exit(token);
      },
    },
  };
}

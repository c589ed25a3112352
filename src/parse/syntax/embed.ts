// `![[...]]` embeds. remark-wiki-link only tokenizes `[[`, and at `!` micromark's
// image-label construct wins, so `![[x]]` would stay text. This construct runs first
// at `!` and delegates the bracket part to the wiki-link construct itself.
import type { Construct, Extension, State, TokenizeContext, Effects } from 'micromark-util-types';
import type { Extension as FromMarkdownExtension, CompileContext, Token } from 'mdast-util-from-markdown';

const EXCLAMATION = 33;

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    obsidianEmbed: 'obsidianEmbed';
    obsidianEmbedMarker: 'obsidianEmbedMarker';
  }
}

export function embedSyntax(wikiLink: Construct): Extension {
  const construct: Construct = { name: 'obsidianEmbed', tokenize };
  return { text: { [EXCLAMATION]: construct } };

  function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    return start;
    function start(code: number | null): State | undefined {
      if (code !== EXCLAMATION) return nok(code);
      effects.enter('obsidianEmbed');
      effects.enter('obsidianEmbedMarker');
      effects.consume(code);
      effects.exit('obsidianEmbedMarker');
      return effects.attempt(wikiLink, done, nok);
    }
    function done(code: number | null): State | undefined {
      effects.exit('obsidianEmbed');
      return ok(code);
    }
  }
}

/** Wraps the wiki-link node in an `obsidianEmbedWrapper`; the tree transform unwraps it. */
export function embedFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      obsidianEmbed(this: CompileContext, token: Token) {
        this.enter({ type: 'obsidianEmbedWrapper', children: [] }, token);
      },
    },
    exit: {
      obsidianEmbed(this: CompileContext, token: Token) {
        this.exit(token);
      },
    },
  };
}

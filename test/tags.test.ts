// markTags is a hand-written walk in place of mdast-util-find-and-replace (for speed): it
// must give the same tree as findAndReplace with the same pattern and ignore list, here on
// every note of the sample vault and of a generated vault, and on random text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Parents, Root, RootContent } from 'mdast';
import { findAndReplace } from 'mdast-util-find-and-replace';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../src/parse/index.js';
import type { Tag } from '../src/parse/mdast.js';
import { markTags, TAG_FREE } from '../src/parse/transforms/tags.js';
import { generateVault } from './support/genvault.js';
import { propertyRuns } from './support/property.js';
import { writeVault } from './support/vault.js';

const TAG = /(?<=^|[\s(,;])#([\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)/gu;

function reference(tree: Root): void {
  findAndReplace(tree, [TAG, (value: string, name: string): Tag => ({ type: 'tag', value, name: name.replace(/\/+$/, '') })], { ignore: [...TAG_FREE] });
}

/** The tree as it was before tags were marked: tag nodes back to text, merged with their neighbours. */
function untag(tree: Root): Root {
  const visit = (parent: Parents): void => {
    const out: RootContent[] = [];
    for (const child of parent.children) {
      const node: RootContent = child.type === 'tag' ? { type: 'text', value: child.value } : child;
      const previous = out.at(-1);
      if (previous?.type === 'text' && node.type === 'text') out[out.length - 1] = { type: 'text', value: previous.value + node.value };
      else out.push(node);
      if ('children' in node) visit(node);
    }
    parent.children = out as typeof parent.children;
  };
  const copy = structuredClone(tree);
  visit(copy);
  return copy;
}

function expectSameTags(tree: Root): number {
  const bare = untag(tree);
  const mine = structuredClone(bare);
  const theirs = structuredClone(bare);
  markTags(mine);
  reference(theirs);
  expect(mine).toEqual(theirs);
  return JSON.stringify(mine).split('"type":"tag"').length - 1;
}

describe('markTags', () => {
  it('marks the same tags as findAndReplace on the sample vault and a generated vault', async () => {
    const sample = join(import.meta.dirname, '..', 'notes');
    const generated = writeVault({});
    generateVault({ out: generated, notes: 300, seed: 5 });
    let tags = 0;
    for (const dir of [sample, generated]) {
      for (const file of await glob('**/*.md', { cwd: dir })) tags += expectSameTags(parseNote(file, readFileSync(join(dir, file), 'utf8')).tree);
    }
    expect(tags).toBeGreaterThan(300);
  });

  it('marks the same tags as findAndReplace on random text', () => {
    const piece = fc.constantFrom('#', '#a', '#1', '#a/b/', '#é', ' ', '(', ',', ';', 'x', '`#c`', '[[#h]]', '[#t](u)', '*#e*', '\n', '# ', '- #l', '> #q');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        expectSameTags(parseNote('N.md', pieces.join('')).tree);
      }),
      propertyRuns(500),
    );
  });
});

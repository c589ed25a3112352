// serve's watcher: file events in the vault, vault-relative, in batches once they pause
// (40 ms), handed on one batch at a time: a batch starts when the last one is done.
import { relative, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { FileChange } from '../../project/update.js';

const DEBOUNCE_MS = 40;

export interface VaultWatcher {
  /** Settles when every event seen so far has been handled. */
  idle: () => Promise<void>;
  close: () => Promise<void>;
}

export async function watchVault(
  vaultDir: string,
  onBatch: (changes: FileChange[]) => Promise<void>,
  onError: (error: unknown) => void,
): Promise<VaultWatcher> {
  let pending: FileChange[] = [];
  let timer: NodeJS.Timeout | null = null;
  let queue: Promise<void> = Promise.resolve();

  const flush = (): void => {
    timer = null;
    const batch = pending;
    pending = [];
    queue = queue.then(() => onBatch(batch)).catch(onError);
  };

  const watcher: FSWatcher = watch(vaultDir, {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 30, pollInterval: 10 },
    // Dot folders (.obsidian, .git) and node_modules; the loader's own rules decide the rest.
    ignored: (path: string) => {
      const rel = relative(vaultDir, path).split(sep).join('/');
      return rel !== '' && !rel.startsWith('..') && rel.split('/').some((part) => part.startsWith('.') || part === 'node_modules');
    },
  });
  const onFile = (kind: FileChange['kind']) => (path: string) => {
    pending.push({ kind, path: relative(vaultDir, path).split(sep).join('/') });
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  };
  watcher.on('add', onFile('add')).on('change', onFile('change')).on('unlink', onFile('unlink'));
  watcher.on('error', onError);
  await new Promise<void>((resolvePromise) => watcher.once('ready', () => resolvePromise()));

  return {
    idle: async () => {
      while (timer || pending.length > 0) {
        if (timer) {
          clearTimeout(timer);
          flush();
        }
        await queue;
      }
      await queue;
    },
    close: async () => {
      if (timer) clearTimeout(timer);
      await watcher.close();
      await queue;
    },
  };
}

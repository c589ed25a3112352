// Replacing a file whole: written beside it, then renamed over it, so a reader (or a crash)
// never sees half a file. Caches and manifests only; refresh's note writer (refresh/write.ts)
// keeps its own, stricter rules for notes (no read-only or hard-linked notes, its temp names).
import writeFileAtomic from 'write-file-atomic';

// No fsync: these are caches, rebuilt when lost; a sync per write costs the build time.
const OPTIONS = { fsync: false } as const;

/** Best effort: false (and nothing left behind) when the file cannot be written. */
export function writeFileAtomicSync(file: string, data: string | Buffer): boolean {
  try {
    writeFileAtomic.sync(file, data, OPTIONS);
    return true;
  } catch {
    return false;
  }
}

/** Replaces `file`; throws when it cannot (the temp file is removed). */
export async function replaceFile(file: string, data: string | Buffer): Promise<void> {
  await writeFileAtomic(file, data, OPTIONS);
}

// serve's search re-index: one at a time (at 10,000 notes it takes seconds), a second after
// the last save; saves during one ask for one more, of the plan as it is then. Page writes
// never wait for it.
export interface ReindexScheduler {
  /** Re-index in a moment (the last call within the delay wins). */
  later: () => void;
  /** No re-index starts after this; settles when the one running has finished. */
  stop: () => Promise<void>;
}

export function reindexScheduler(run: () => Promise<unknown>, onError: (error: unknown) => void, delayMs = 1000): ReindexScheduler {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let again = false;
  let stopped = false;

  const start = (): void => {
    if (stopped) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    running = run()
      .catch(onError)
      .finally(() => {
        busy = false;
        if (again) {
          again = false;
          start();
        }
      });
  };

  return {
    later: () => {
      if (stopped) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        start();
      }, delayMs);
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      again = false;
      await running;
    },
  };
}

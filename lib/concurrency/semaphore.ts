/**
 * At most `limit` holders at once; the rest wait in arrival order. `waiting` tells a caller how
 * many are ahead of it, so a queued run can say so.
 */
export class Semaphore {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`A semaphore needs a limit of at least 1 (got ${limit}).`);
  }

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** Whether `acquire` would have to wait. */
  get full(): boolean {
    return this.active >= this.limit;
  }

  /**
   * Resolves with a release function once a slot is free. With `timeoutMs`, gives up after that
   * long and rejects with `onTimeout()`, leaving the queue as if it had never asked.
   */
  acquire({ timeoutMs, onTimeout }: { timeoutMs?: number; onTimeout?: () => Error } = {}): Promise<() => void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        if (timer) clearTimeout(timer);
        this.active++;
        resolve(this.releaser());
      };
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              const index = this.queue.indexOf(grant);
              if (index >= 0) this.queue.splice(index, 1);
              reject(onTimeout?.() ?? new Error(`No free slot within ${timeoutMs} ms.`));
            }, timeoutMs);
      this.queue.push(grant);
    });
  }

  /** Runs `work` holding a slot. */
  async use<T>(work: () => Promise<T>, options?: Parameters<Semaphore["acquire"]>[0]): Promise<T> {
    const release = await this.acquire(options);
    try {
      return await work();
    } finally {
      release();
    }
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.queue.shift()?.();
    };
  }
}

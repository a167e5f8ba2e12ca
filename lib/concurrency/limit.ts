import { Semaphore } from "./semaphore";

/** Runs tasks with at most `limit` of them in flight; the rest wait their turn. */
export class Limit {
  private readonly slots: Semaphore;

  constructor(limit: number) {
    this.slots = new Semaphore(limit);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    const release = await this.slots.acquire();
    try {
      return await task();
    } finally {
      release();
    }
  }
}

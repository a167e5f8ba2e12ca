import type { SqlClient } from "@/lib/db/client";
import { EVENTS_CHANNEL } from "./postgres-store";
import type { EventStore, StoredRunEvent } from "./types";

type Listener = (events: StoredRunEvent[]) => void;

/**
 * One Postgres LISTEN per server process, fanned out to every live reader of that process: a new
 * event is read once and handed to all of them, so a thousand open run pages cost one
 * connection and one query per event, and nothing polls.
 */
export class LiveHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private listening?: Promise<unknown>;

  constructor(
    private readonly sql: SqlClient,
    private readonly store: EventStore,
  ) {}

  /** Calls `listener` with each new event of `runId` (and any written since); resolves once listening. */
  async subscribe(runId: string, listener: Listener): Promise<() => void> {
    this.listening ??= this.sql.listen(EVENTS_CHANNEL, (payload) => this.dispatch(payload));
    await this.listening;
    let set = this.listeners.get(runId);
    if (!set) this.listeners.set(runId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(runId);
    };
  }

  /** Live readers in this process, for health and benchmarks. */
  get size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  private async dispatch(payload: string) {
    const at = payload.lastIndexOf(":");
    const runId = payload.slice(0, at);
    if (!this.listeners.has(runId)) return;
    const events = await this.store.listAfter(runId, Number(payload.slice(at + 1)) - 1).catch(() => []);
    for (const listener of this.listeners.get(runId) ?? []) listener(events);
  }
}

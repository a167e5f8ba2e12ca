import type { LiveHub } from "./live-hub";
import type { EventStore, StoredRunEvent } from "./types";

const HEARTBEAT_MS = 15_000;
const RECONNECT_MS = 250;

// The hub hands the same event object to every reader: encode it once, not once per reader.
const encoded = new WeakMap<StoredRunEvent, Uint8Array>();
const textEncoder = new TextEncoder();
function frame(event: StoredRunEvent): Uint8Array {
  let bytes = encoded.get(event);
  if (!bytes)
    encoded.set(
      event,
      (bytes = textEncoder.encode(`id: ${event.seq}\nevent: run-event\ndata: ${JSON.stringify(event)}\n\n`)),
    );
  return bytes;
}

const isFinal = (event: StoredRunEvent) => (event.payload as { final?: boolean } | undefined)?.final === true;

/**
 * A Server-Sent Events stream of one run: the events after `after` from the store, then each new
 * one as it is written. Every event carries `id: <seq>`, so a reconnecting browser resumes with
 * Last-Event-ID without gaps or duplicates. The stream ends after the run's final event, or at
 * once when the run already ended without one (interrupted). With `maxDurationMs` it closes
 * earlier without saying `end`, so the browser reconnects and resumes: a serverless function
 * (Lambda, 60 s behind CloudFront) then ends each response cleanly instead of being cut off.
 */
export function runEventStream({
  runId,
  after,
  store,
  hub,
  hasEnded,
  signal,
  maxDurationMs,
}: {
  runId: string;
  after: number;
  store: EventStore;
  hub: LiveHub;
  hasEnded: () => Promise<boolean>;
  signal: AbortSignal;
  maxDurationMs?: number;
}): ReadableStream<Uint8Array> {
  let last = after;
  let chain: Promise<void> = Promise.resolve();
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const close = (reason: "ended" | "aborted" | "rotated" = "ended") => {
        if (closed) return;
        closed = true;
        stop();
        // Tells the browser not to reconnect: EventSource otherwise retries a closed stream.
        if (reason === "ended") controller.enqueue(textEncoder.encode("event: end\ndata: {}\n\n"));
        // Asks it to come back at once rather than after its default few seconds.
        if (reason === "rotated") controller.enqueue(textEncoder.encode(`retry: ${RECONNECT_MS}\n\n`));
        controller.close();
      };
      const send = (event: StoredRunEvent) => {
        controller.enqueue(frame(event));
        last = event.seq;
        if (isFinal(event)) close();
      };
      const flush = async () => {
        if (closed) return;
        for (const event of await store.listAfter(runId, last)) if (!closed) send(event);
      };
      // Events from the hub are used as they come while they follow on; a gap is read from the store.
      const deliver = async (events: StoredRunEvent[]) => {
        for (const event of events) {
          if (closed || event.seq <= last) continue;
          if (event.seq !== last + 1) return flush();
          send(event);
        }
      };
      const schedule = (work: () => Promise<void>) => {
        chain = chain.then(work).catch(() => close());
      };
      const unsubscribe = await hub.subscribe(runId, (events) => schedule(() => deliver(events)));
      const heartbeat = setInterval(
        () => !closed && controller.enqueue(textEncoder.encode(": keep-alive\n\n")),
        HEARTBEAT_MS,
      );
      const rotation =
        maxDurationMs === undefined
          ? undefined
          : setTimeout(() => schedule(async () => close("rotated")), maxDurationMs);
      stop = () => {
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(rotation);
      };
      signal.addEventListener("abort", () => close("aborted"));
      // Subscribed first, then the backlog: an event written in between is read by one or the other.
      schedule(flush);
      chain = chain.then(async () => {
        if (!closed && (await hasEnded())) {
          await flush();
          close();
        }
      });
    },
    cancel() {
      stop();
    },
  });
}

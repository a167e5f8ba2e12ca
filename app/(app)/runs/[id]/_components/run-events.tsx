"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type { Run } from "@/lib/db/schema";
import type { StoredRunEvent } from "@/lib/events/types";
import { answeredSinceAsked } from "@/lib/runs/open-questions";
import { deriveRunView } from "@/lib/runs/run-view";
import { statusLabel } from "@/lib/runs/status-label";

type RunEvents = { events: StoredRunEvent[]; live: boolean };
const RunEventsContext = createContext<RunEvents>({ events: [], live: false });

/**
 * The run's events for every part of its page that shows them, fed live by Server-Sent Events
 * while the run is going. The browser's EventSource resumes with Last-Event-ID after a dropped
 * connection; events are kept by seq, so none is shown twice. When the run ends the page
 * refreshes its server-rendered sections, and events the server read since (a rollback) join.
 */
export function RunEventsProvider({
  runId,
  initialEvents,
  ended,
  children,
}: {
  runId: string;
  initialEvents: StoredRunEvent[];
  ended: boolean;
  children: ReactNode;
}) {
  const router = useRouter();
  const [events, setEvents] = useState(initialEvents);
  const [live, setLive] = useState(!ended);
  const lastSeq = useRef(initialEvents.at(-1)?.seq ?? 0);
  const wasQueued = useRef(Boolean(deriveRunView(initialEvents).queued));

  useEffect(() => {
    const fresh = initialEvents.filter((event) => event.seq > lastSeq.current);
    if (fresh.length === 0) return;
    lastSeq.current = fresh.at(-1)!.seq;
    setEvents((previous) => [...previous, ...fresh]);
  }, [initialEvents]);

  useEffect(() => {
    if (ended) return;
    // A plan built after review streams again after its pause ended the first stream.
    setLive(true);
    const source = new EventSource(`/api/runs/${runId}/events?after=${lastSeq.current}`);
    source.addEventListener("run-event", (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as StoredRunEvent;
      if (event.seq <= lastSeq.current) return;
      lastSeq.current = event.seq;
      setEvents((previous) => [...previous, event]);
    });
    source.addEventListener("end", () => {
      source.close();
      setLive(false);
      router.refresh();
    });
    return () => source.close();
  }, [runId, ended, router]);

  const { queued } = deriveRunView(events);
  useEffect(() => {
    // The page's status was rendered while the run waited for a slot: show it running once it starts.
    if (wasQueued.current && !queued) router.refresh();
    wasQueued.current = Boolean(queued);
  }, [queued, router]);

  return <RunEventsContext value={{ events, live }}>{children}</RunEventsContext>;
}

/** The run's events so far, and whether more are streaming in. */
export const useRunEvents = () => useContext(RunEventsContext);

// A run that paused for review and was built since has a later `resumed` event: its pause is not its end.
const finalStatusOf = (events: StoredRunEvent[]) => {
  const last = events
    .map((event) => event.payload as { final?: boolean; resumed?: boolean; status?: Run["status"] } | undefined)
    .findLast((payload) => payload?.final || payload?.resumed);
  return last?.final ? last.status : undefined;
};

/** Between a question and the run's end: waiting while it is open, running again once answered. */
const pausedStatusOf = (events: StoredRunEvent[]): Run["status"] | undefined => {
  const answered = answeredSinceAsked(events);
  return answered === null ? "needs_input" : answered ? "running" : undefined;
};

/**
 * The run's status in its header. The run's last event carries its final status, so the header
 * says "succeeded" the moment the timeline does, not only after the page is read again; a
 * question and its answer move it to "needs input" and back to "running" the same way.
 */
export function LiveRunStatus({ status }: { status: Run["status"] }) {
  const { events } = useRunEvents();
  const shown = finalStatusOf(events) ?? pausedStatusOf(events) ?? status;
  return (
    <span className={`badge ${shown}`} data-testid="run-status">
      {statusLabel(shown)}
    </span>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { StoredRunEvent } from "@/lib/events/types";
import { deriveRunView } from "@/lib/runs/run-view";

const time = (iso: string) => new Date(iso).toLocaleTimeString("en-GB", { hour12: false });

/**
 * The run's timeline, fed live by Server-Sent Events while the run is going. The browser's
 * EventSource resumes with Last-Event-ID after a dropped connection; events are kept by seq, so
 * none is shown twice. When the run ends the page refreshes its server-rendered sections.
 */
export function RunLive({ runId, initialEvents, ended }: { runId: string; initialEvents: StoredRunEvent[]; ended: boolean }) {
  const router = useRouter();
  const [events, setEvents] = useState(initialEvents);
  const [live, setLive] = useState(!ended);
  const lastSeq = useRef(initialEvents.at(-1)?.seq ?? 0);
  const wasQueued = useRef(Boolean(deriveRunView(initialEvents).queued));

  useEffect(() => {
    if (ended) return;
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

  const { stages, queued } = deriveRunView(events);
  useEffect(() => {
    // The page's status was rendered while the run waited for a slot: show it running once it starts.
    if (wasQueued.current && !queued) router.refresh();
    wasQueued.current = Boolean(queued);
  }, [queued, router]);
  return (
    <section className="card stack" data-testid="timeline">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h2 style={{ margin: 0 }}>Timeline</h2>
        {live && <span className="live" data-testid="live">Live</span>}
      </div>
      {/* A run waiting for a free slot would otherwise look stuck: say why, until it starts. */}
      {live && queued && <div className="alert info" role="status" data-testid="queued">{queued}</div>}
      <div className="stages">
        {stages.map((s) => (
          <span key={s.agent} className={`stage ${s.state}`}>{s.agent}{s.ms > 0 ? ` · ${s.ms} ms` : ""}</span>
        ))}
      </div>
      <ol className="timeline">
        {events.map((e) => (
          <li key={e.seq} className={e.level} data-testid="event">
            <span className="time">{time(e.at)}</span>
            <span className="agent">{e.agent}</span>
            <span>{e.message}</span>
            <span className="ms">{e.durationMs !== undefined ? `${e.durationMs} ms` : ""}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

"use client";

import { deriveRunView } from "@/lib/runs/run-view";
import { useRunEvents } from "./run-events";

const time = (iso: string) => new Date(iso).toLocaleTimeString("en-GB", { hour12: false });

/** The run's timeline: its stages, then every event, as they stream in. */
export function RunLive() {
  const { events, live } = useRunEvents();
  const { stages, queued } = deriveRunView(events);
  return (
    <section className="card stack" data-testid="timeline" aria-labelledby="timeline-title">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h2 id="timeline-title" style={{ margin: 0 }}>
          Timeline
        </h2>
        {live && (
          <span className="live" data-testid="live">
            Live
          </span>
        )}
      </div>
      {/* A run waiting for a free slot would otherwise look stuck: say why, until it starts. */}
      {live && queued && (
        <div className="alert info" role="status" data-testid="queued">
          {queued}
        </div>
      )}
      <div className="stages">
        {stages.map((s) => (
          <span key={s.agent} className={`stage ${s.state}`}>
            {s.agent}
            {s.ms > 0 ? ` · ${s.ms} ms` : ""}
          </span>
        ))}
      </div>
      <ol className="timeline">
        {events.map((e) => (
          <li key={e.seq} className={e.level} data-testid="event">
            <span className="time">{time(e.at)}</span>
            <span className="agent">{e.agent}</span>
            <span className="message">{e.message}</span>
            <span className="ms">{e.durationMs !== undefined ? `${e.durationMs} ms` : ""}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

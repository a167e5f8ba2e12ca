import { DataTable, Section, type Cell } from "./parts";
import { formatDuration } from "./pdf-text";
import { CONTENT_WIDTH, colors } from "./styles";
import type { ReportEvent } from "./types";

const LEVEL_COLORS = { info: colors.text, success: colors.pass, warn: colors.warn, error: colors.fail } as const;

/** The run's event log, one line per event, as the agents wrote it. */
export function EventLogSection({ events }: { events: ReportEvent[] }) {
  return (
    <Section title="Event log">
      <DataTable
        columns={[
          { title: "#", width: 22, align: "right" },
          { title: "Time (UTC)", width: 62 },
          { title: "Agent", width: 62 },
          { title: "Level", width: 40 },
          { title: "Message", width: CONTENT_WIDTH - 236 },
          { title: "Took", width: 50, align: "right" },
        ]}
        rows={events.map((e): Cell[] => [
          String(e.seq),
          e.at.slice(11, 23),
          e.agent,
          { text: e.level, color: LEVEL_COLORS[e.level] },
          e.message,
          e.durationMs === undefined ? "" : formatDuration(e.durationMs),
        ])}
      />
    </Section>
  );
}

import type { RunStats } from "@/lib/db/queries/runs";

/** Runs per day for the last two weeks, succeeded stacked under the rest. */
export function RunsChart({ perDay }: { perDay: RunStats["perDay"] }) {
  const max = Math.max(1, ...perDay.map((d) => d.succeeded + d.other));
  const width = 28;
  const height = 90;
  return (
    <svg
      viewBox={`0 0 ${perDay.length * width} ${height + 18}`}
      width="100%"
      height={height + 18}
      className="runs-chart"
      role="img"
      aria-label="Runs per day, last 14 days"
    >
      {perDay.map((d, i) => {
        const ok = (d.succeeded / max) * height;
        const rest = (d.other / max) * height;
        return (
          <g key={d.day} transform={`translate(${i * width + 4}, 0)`}>
            <title>{`${d.day}: ${d.succeeded} succeeded, ${d.other} other`}</title>
            <rect y={height - ok - rest} width={width - 8} height={rest} className="bar-other" rx={2} />
            <rect y={height - ok} width={width - 8} height={ok} className="bar-ok" rx={2} />
            <text x={(width - 8) / 2} y={height + 14} fontSize={9} textAnchor="middle" className="bar-label">
              {d.day.slice(8)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

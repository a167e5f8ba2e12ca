import type { ChartPoint, ResultChart as ChartData } from "@/lib/charts/chart-points";
import styles from "./result-chart.module.css";

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const exact = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });
const labelOf = (point: ChartPoint) => point.label || "(none)";
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The measure's range with zero in it, so bar lengths and line heights compare honestly. */
function domainOf(points: ChartPoint[]): [number, number] {
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  return low === high ? [low, low + 1] : [low, high];
}

const BAR_ROW = 24;
// Horizontal bars, laid out in percentages of the width so that labels keep their size on a
// phone: labels on the left, bars in the middle, values on the right.
const BARS_FROM = 40;
const BARS_TO = 84;

function Bars({ points, y }: { points: ChartPoint[]; y: string }) {
  const [low, high] = domainOf(points);
  const at = (value: number) => BARS_FROM + ((value - low) / (high - low)) * (BARS_TO - BARS_FROM);
  const zero = at(0);
  return (
    <svg
      className={styles.chart}
      width="100%"
      height={points.length * BAR_ROW + 4}
      role="img"
      aria-label={`Bars of ${y}: ${points.length} rows`}
      data-testid="chart-bars"
    >
      {points.map((point, i) => {
        const top = i * BAR_ROW + 2;
        const end = point.value === null ? zero : at(point.value);
        return (
          <g key={i}>
            <title>{`${labelOf(point)}: ${point.value === null ? "NULL" : exact.format(point.value)}`}</title>
            <text x="0" y={top + 15} className={styles.label}>
              {cut(labelOf(point), 28)}
            </text>
            <rect
              x={`${Math.min(zero, end)}%`}
              y={top + 3}
              width={`${Math.abs(end - zero)}%`}
              height={BAR_ROW - 8}
              rx={2}
              className={styles.bar}
              data-value={point.value ?? ""}
            />
            <text x="100%" y={top + 15} textAnchor="end">
              {point.value === null ? "NULL" : compact.format(point.value)}
            </text>
          </g>
        );
      })}
      <line x1={`${zero}%`} x2={`${zero}%`} y1={0} y2={points.length * BAR_ROW + 4} className={styles.baseline} />
    </svg>
  );
}

const HEIGHT = 220;
const TOP = 8;
const BOTTOM = 196;
const LEFT = 12; // percent of the width, for the value labels
const RIGHT = 97;
const DOTS_UP_TO = 60;

function Line({ points, x, y }: { points: ChartPoint[]; x: string; y: string }) {
  const [low, high] = domainOf(points);
  const px = (i: number) => (points.length === 1 ? 50 : (i / (points.length - 1)) * 100);
  const py = (value: number) => ((high - value) / (high - low)) * 1000;
  // A NULL measure breaks the line rather than dropping to zero.
  const runs: string[] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length > 0) runs.push(current.join(" "));
      current = [];
    } else current.push(`${px(i) * 10},${py(p.value)}`);
  });
  if (current.length > 0) runs.push(current.join(" "));
  const xAt = (i: number) => `${LEFT + (px(i) / 100) * (RIGHT - LEFT)}%`;
  const yAt = (value: number) => TOP + (py(value) / 1000) * (BOTTOM - TOP);
  const ticks = [high, (high + low) / 2, low];
  const marks = [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])];
  return (
    <svg
      className={styles.chart}
      width="100%"
      height={HEIGHT}
      role="img"
      aria-label={`Line of ${y} by ${x}: ${points.length} points from ${labelOf(points[0])} to ${labelOf(points.at(-1)!)}`}
      data-testid="chart-line"
    >
      {ticks.map((tick, i) => (
        <g key={i}>
          <line
            x1={`${LEFT}%`}
            x2={`${RIGHT}%`}
            y1={yAt(tick)}
            y2={yAt(tick)}
            className={tick === 0 ? styles.baseline : styles.rule}
          />
          <text x={`${LEFT - 1}%`} y={yAt(tick) + 4} textAnchor="end">
            {compact.format(tick)}
          </text>
        </g>
      ))}
      <svg
        x={`${LEFT}%`}
        y={TOP}
        width={`${RIGHT - LEFT}%`}
        height={BOTTOM - TOP}
        viewBox="0 0 1000 1000"
        preserveAspectRatio="none"
        overflow="visible"
        aria-hidden="true"
      >
        {runs.map((run, i) => (
          <polyline key={i} points={run} className={styles.line} vectorEffect="non-scaling-stroke" />
        ))}
      </svg>
      {points.length <= DOTS_UP_TO &&
        points.map((p, i) =>
          p.value === null ? null : (
            <circle key={i} cx={xAt(i)} cy={yAt(p.value)} r={3} className={styles.dot}>
              <title>{`${labelOf(p)}: ${exact.format(p.value)}`}</title>
            </circle>
          ),
        )}
      {marks.map((i, n) => (
        <text
          key={i}
          x={xAt(i)}
          y={HEIGHT - 6}
          textAnchor={
            marks.length > 1 && n === 0 ? "start" : n === marks.length - 1 && marks.length > 1 ? "end" : "middle"
          }
        >
          {labelOf(points[i])}
        </text>
      ))}
    </svg>
  );
}

/** The result drawn as the chart its spec calls for: a line over periods, or bars of categories. */
export function ResultChart({ chart }: { chart: Extract<ChartData, { points: unknown }> }) {
  const { choice } = chart;
  return (
    <figure className={styles.figure} data-testid="result-chart" data-kind={choice.kind}>
      <figcaption className={styles.caption}>
        <b>{choice.title}</b>
      </figcaption>
      {chart.points.length === 0 ? (
        <p className={styles.note}>No rows to draw.</p>
      ) : choice.kind === "line" ? (
        <Line points={chart.points} x={choice.x} y={choice.y} />
      ) : (
        <Bars points={chart.points} y={choice.y} />
      )}
    </figure>
  );
}

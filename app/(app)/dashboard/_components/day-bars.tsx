import styles from "./day-bars.module.css";

export type Series = { label: string; tone: "ok" | "err" | "warn" | "muted" | "accent" };
export type Day = { day: string; values: number[] };

const HEIGHT = 150;
const PLOT_TOP = 6;
const PLOT_BOTTOM = 128;
// The axis labels take the left of the width; days share the rest, in percentages, so the
// text keeps its size on a phone while the bars narrow.
const LEFT = 9;
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/**
 * Stacked bars, one a day, oldest first, with the stack's total on hover and a legend of the
 * series. `format` writes a value (a count by default; a duration for durations).
 */
export function DayBars({
  days,
  series,
  label,
  format = (n: number) => compact.format(n),
  testId,
}: {
  days: Day[];
  series: Series[];
  label: string;
  format?: (n: number) => string;
  testId?: string;
}) {
  const max = Math.max(0, ...days.map((d) => d.values.reduce((a, b) => a + b, 0)));
  const top = max > 0 ? max : 1;
  const slot = (100 - LEFT) / Math.max(1, days.length);
  const y = (value: number) => PLOT_BOTTOM - (value / top) * (PLOT_BOTTOM - PLOT_TOP);
  const marks = [...new Set([0, Math.floor((days.length - 1) / 2), days.length - 1])].filter((i) => i >= 0);
  return (
    <div>
      <svg className={styles.chart} width="100%" height={HEIGHT} role="img" aria-label={label} data-testid={testId}>
        {max > 0 && <line x1={`${LEFT}%`} x2="100%" y1={PLOT_TOP} y2={PLOT_TOP} className={styles.rule} />}
        <line x1={`${LEFT}%`} x2="100%" y1={PLOT_BOTTOM} y2={PLOT_BOTTOM} className={styles.rule} />
        {max > 0 && (
          <text x={`${LEFT - 1}%`} y={PLOT_TOP + 4} textAnchor="end">
            {format(max)}
          </text>
        )}
        <text x={`${LEFT - 1}%`} y={PLOT_BOTTOM + 4} textAnchor="end">
          {format(0)}
        </text>
        {days.map((d, i) => {
          let base = 0;
          return (
            <g key={d.day}>
              <title>{`${d.day}: ${series.map((s, k) => `${format(d.values[k] ?? 0)} ${s.label}`).join(", ")}`}</title>
              {series.map((s, k) => {
                const value = d.values[k] ?? 0;
                const from = base;
                base += value;
                if (value <= 0) return null;
                return (
                  <rect
                    key={s.label}
                    x={`${LEFT + i * slot + slot * 0.15}%`}
                    width={`${slot * 0.7}%`}
                    y={y(from + value)}
                    height={y(from) - y(from + value)}
                    className={styles[s.tone]}
                  />
                );
              })}
            </g>
          );
        })}
        {marks.map((i, n) => (
          <text
            key={i}
            x={`${LEFT + (i + 0.5) * slot}%`}
            y={HEIGHT - 4}
            textAnchor={
              n === 0 && marks.length > 1 ? "start" : n === marks.length - 1 && marks.length > 1 ? "end" : "middle"
            }
          >
            {days[i].day.slice(5)}
          </text>
        ))}
      </svg>
      {series.length > 1 && (
        <ul className={styles.legend}>
          {series.map((s) => (
            <li key={s.label}>
              <span className={`${styles.swatch} ${styles[s.tone]}`} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

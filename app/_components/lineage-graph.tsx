import { describeEdge, type SpecLineage } from "@/lib/lineage/column-lineage";

const ROW = 30;
const WIDTH = 760;
const LEFT = 250;
const RIGHT = 480;

/**
 * Column-level lineage as a graph: source columns on the left, the table's columns on the right,
 * a line for each "made from" with the transformation on the output's side; then the filters,
 * joins and group-by keys that decide the rows. The edges are listed as text as well.
 */
export function LineageGraph({ lineage }: { lineage: SpecLineage }) {
  const sources = lineage.columns
    .flatMap((c) => c.sources)
    .concat(lineage.rows.flatMap((r) => r.sources))
    .filter((s, i, all) => all.findIndex((t) => t.table === s.table && t.column === s.column) === i)
    .sort((a, b) => a.table.localeCompare(b.table));
  const y = (index: number) => 20 + index * ROW;
  const height = y(Math.max(sources.length, lineage.columns.length)) + 4;
  const sourceIndex = (table: string, column: string) =>
    sources.findIndex((s) => s.table === table && s.column === column);
  const edges = lineage.columns.flatMap((c) => c.sources.map((s) => describeEdge(s, c)));
  return (
    <section className="card" aria-label="Lineage">
      <h2>Lineage</h2>
      <svg
        role="img"
        aria-label={`Lineage of ${lineage.target}`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: WIDTH, fontSize: 12 }}
        data-testid="lineage-graph"
      >
        {lineage.columns.map((column, j) =>
          column.sources.map((s) => {
            const from = y(sourceIndex(s.table, s.column));
            const to = y(j);
            return (
              <path
                key={`${s.table}.${s.column}>${column.output}`}
                d={`M ${LEFT} ${from} C ${(LEFT + RIGHT) / 2} ${from}, ${(LEFT + RIGHT) / 2} ${to}, ${RIGHT} ${to}`}
                fill="none"
                stroke="#6366f1"
                strokeWidth={1.5}
                opacity={0.7}
              />
            );
          }),
        )}
        {sources.map((s, i) => (
          <g key={`${s.table}.${s.column}`}>
            <circle cx={LEFT} cy={y(i)} r={4} fill="#6366f1" />
            <text x={LEFT - 10} y={y(i) + 4} textAnchor="end" fill="currentColor">{`${s.table}.${s.column}`}</text>
          </g>
        ))}
        {lineage.columns.map((column, j) => (
          <g key={column.output}>
            <circle cx={RIGHT} cy={y(j)} r={4} fill="#16a34a" />
            <text x={RIGHT + 10} y={y(j) + 4} fill="currentColor">
              <tspan fontWeight={600}>{column.output}</tspan>
              {column.transformation !== "column" && (
                <tspan opacity={0.7}>{`  ${column.detail ?? column.transformation}`}</tspan>
              )}
            </text>
          </g>
        ))}
      </svg>
      <ul className="spec-list" data-testid="lineage-edges">
        {edges.map((edge) => (
          <li key={edge}>{edge}</li>
        ))}
        {lineage.columns
          .filter((c) => c.sources.length === 0)
          .map((c) => (
            <li key={c.output}>{`${c.output} (${c.detail ?? c.transformation}, from every row)`}</li>
          ))}
      </ul>
      {lineage.rows.length > 0 && (
        <ul className="spec-list muted" data-testid="lineage-rows">
          {lineage.rows.map((r, i) => (
            <li key={i}>
              <b>{r.kind}</b>: {r.detail}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

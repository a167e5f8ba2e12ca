import type { ReactNode } from "react";

const NUMERIC_TYPE = /^(smallint|integer|bigint|numeric|real|double precision|money)\b/;

/** Whether a Postgres type name is a number type, whose cells align right. */
export const isNumericType = (dataType: string) => NUMERIC_TYPE.test(dataType);

function formatCell(value: unknown): ReactNode {
  if (value === null || value === undefined) return <span className="null">NULL</span>;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

type DataGridProps = {
  columns: string[];
  rows: Record<string, unknown>[];
  /** Columns whose cells align right. */
  numeric?: ReadonlySet<string>;
  label: string;
  testId?: string;
};

/** Rows of a table or a query result, scrolling sideways when they are wider than the page. */
export function DataGrid({ columns, rows, numeric, label, testId }: DataGridProps) {
  return (
    <div className="grid-scroll">
      <table className="grid data-grid" aria-label={label} data-testid={testId}>
        <thead>
          <tr>{columns.map((column, i) => <th key={i} className={numeric?.has(column) ? "num" : undefined}>{column}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {columns.map((column, c) => {
                const value = formatCell(row[column]);
                return (
                  <td key={c} className={numeric?.has(column) ? "num" : undefined} title={typeof value === "string" && value.length > 60 ? value : undefined}>
                    {value}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

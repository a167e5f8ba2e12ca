import Link from "next/link";
import type { ReactNode } from "react";
import { formatNumberCell, isNumberCell } from "@/lib/format/number-cells";

const NUMERIC_TYPE = /^(smallint|integer|bigint|numeric|real|double precision|money)\b/;

/** Whether a Postgres type name is a number type, whose cells align right. */
export const isNumericType = (dataType: string) => NUMERIC_TYPE.test(dataType);

/** A cell's text as shown, and its exact text when that differs (a rounded number, a long value). */
function formatCell(value: unknown, numeric: boolean): { shown: ReactNode; exact?: string } {
  if (value === null || value === undefined) return { shown: <span className="null">NULL</span> };
  if (typeof value === "object") return { shown: JSON.stringify(value) };
  const text = String(value);
  if (numeric && isNumberCell(value)) {
    const shown = formatNumberCell(value);
    return { shown, exact: shown === text ? undefined : text };
  }
  return { shown: text, exact: text.length > 60 ? text : undefined };
}

type DataGridProps = {
  columns: string[];
  rows: Record<string, unknown>[];
  /** Columns whose cells align right, their numbers rounded for reading. */
  numeric?: ReadonlySet<string>;
  label: string;
  testId?: string;
  /** Makes each header a link that sorts by its column; `hrefs` maps a column to that link. */
  sorting?: { column: string | null; direction: "asc" | "desc"; hrefs: Record<string, string> };
};

/** A header that sorts by its column: a link, so Tab reaches it and Enter follows it. */
function SortHeader({ column, sorting }: { column: string; sorting: NonNullable<DataGridProps["sorting"]> }) {
  const active = sorting.column === column;
  const next = active && sorting.direction === "asc" ? "descending" : "ascending";
  return (
    <Link href={sorting.hrefs[column]} scroll={false} className="sort-link" title={`Sort by ${column}, ${next}`}>
      {column}
      <span aria-hidden="true" className="sort-mark">
        {active ? (sorting.direction === "asc" ? "▲" : "▼") : "↕"}
      </span>
    </Link>
  );
}

/**
 * Rows of a table or a query result. It scrolls inside its card when wider or taller than
 * there is room for, never the page; focusable, so the keyboard scrolls it too.
 */
export function DataGrid({ columns, rows, numeric, label, testId, sorting }: DataGridProps) {
  const ariaSort = (column: string) =>
    sorting?.column === column ? (sorting.direction === "asc" ? "ascending" : "descending") : undefined;
  return (
    <div className="grid-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="grid data-grid" aria-label={label} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className={numeric?.has(column) ? "num" : undefined} aria-sort={ariaSort(column)}>
                {sorting?.hrefs[column] ? <SortHeader column={column} sorting={sorting} /> : column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {columns.map((column, c) => {
                const { shown, exact } = formatCell(row[column], numeric?.has(column) ?? false);
                return (
                  <td key={c} className={numeric?.has(column) ? "num" : undefined} title={exact}>
                    {shown}
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

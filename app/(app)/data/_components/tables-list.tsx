import Link from "next/link";
import type { CatalogTable } from "@/lib/catalog/types";
import { TableScroll } from "@/app/_components/table-scroll";
import { tableHref } from "./table-href";

/** Every readable table with its columns, keys and estimated size, each linking to its rows. */
export function TablesList({ tables }: { tables: CatalogTable[] }) {
  if (tables.length === 0) {
    return (
      <div className="empty">
        No tables yet. Upload a CSV file below, or import files with <code>npm run -s datamorph -- import</code>.
      </div>
    );
  }
  return (
    <TableScroll label="Tables">
      <table className="grid tables-grid stack-on-phone" data-testid="tables">
        <thead>
          <tr>
            <th>Table</th>
            <th>Columns</th>
            <th>Keys</th>
            <th className="num">Rows (approx.)</th>
          </tr>
        </thead>
        <tbody>
          {tables.map((table) => (
            <tr key={`${table.schema}.${table.name}`}>
              <td className="nowrap full">
                <Link href={tableHref(table.schema, table.name)}>
                  <code>
                    {table.schema}.{table.name}
                  </code>
                </Link>
                {table.isView && (
                  <>
                    {" "}
                    <span className="badge">view</span>
                  </>
                )}
              </td>
              <td className="muted full" data-label="Columns">
                {table.columns.map((column) => column.name).join(", ")}
              </td>
              <td className="muted full">
                {table.primaryKey.length > 0 && <div>PK {table.primaryKey.join(", ")}</div>}
                {table.foreignKeys.map((fk) => (
                  <div key={fk.columns.join()}>
                    {fk.columns.join(", ")} → {fk.refTable}
                  </div>
                ))}
              </td>
              <td className="num" data-label="Rows (approx.)">
                {table.rowCount?.toLocaleString("en-US") ?? "–"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { readCatalog } from "@/lib/catalog/read-catalog";
import { getSql } from "@/lib/db";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Data" };

export default async function DataPage() {
  await requirePageUser("/data");
  const { sourceSchemas } = getEnv();
  const catalog = await readCatalog(getSql(), sourceSchemas);
  return (
    <div className="stack">
      <div>
        <h1>Data</h1>
        <p className="muted">Tables DataMorph can read, in schema {sourceSchemas.join(", ")}.</p>
      </div>
      <div className="card">
        {catalog.tables.length === 0 ? (
          <div className="empty">No tables yet. Import CSV files with <code>npm run -s datamorph -- import</code>.</div>
        ) : (
          <table className="grid" data-testid="tables">
            <thead>
              <tr><th>Table</th><th>Columns</th><th>Keys</th><th>Rows (approx.)</th></tr>
            </thead>
            <tbody>
              {catalog.tables.map((table) => (
                <tr key={`${table.schema}.${table.name}`}>
                  <td><code>{table.schema}.{table.name}</code></td>
                  <td className="muted">{table.columns.map((column) => column.name).join(", ")}</td>
                  <td className="muted">
                    {table.primaryKey.length > 0 && <div>PK {table.primaryKey.join(", ")}</div>}
                    {table.foreignKeys.map((fk) => (
                      <div key={fk.columns.join()}>{fk.columns.join(", ")} → {fk.refTable}</div>
                    ))}
                  </td>
                  <td className="num">{table.rowCount?.toLocaleString("en-US") ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}

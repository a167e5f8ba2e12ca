import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { dataSchemas, readDataCatalog } from "@/lib/data/catalog";
import { getRoleClients } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { CsvUpload } from "./_components/csv-upload";
import { SqlConsole } from "./_components/sql-console";
import { TablesList } from "./_components/tables-list";

export const metadata: Metadata = { title: "Data" };

export default async function DataPage() {
  await requirePageUser("/data");
  const env = getEnv();
  const schemas = dataSchemas(env);
  const catalog = await readDataCatalog((await getRoleClients()).reader, schemas);
  return (
    <div className="stack">
      <div>
        <h1>Data</h1>
        <p className="muted">
          Tables DataMorph can read, in schema {schemas.join(", ")}. Open one to page through its rows.
        </p>
      </div>
      <div className="card">
        <TablesList tables={catalog.tables} />
      </div>
      <SqlConsole />
      <CsvUpload schema={env.sourceSchemas[0]} />
    </div>
  );
}

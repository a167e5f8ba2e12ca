import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DataGrid, isNumericType } from "@/app/_components/data-grid";
import { requirePageUser } from "@/lib/auth/session";
import { dataSchemas } from "@/lib/data/catalog";
import { readTableRows, type TableRows } from "@/lib/data/table-rows";
import { getRoleClients } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getLatestUpload } from "@/lib/db/queries/tables";
import { AppError } from "@/lib/errors";
import { mayActOn } from "@/lib/tables/actor";
import { ColumnList } from "../_components/column-list";
import { Pager } from "../_components/pager";
import { UploadRollback } from "../_components/upload-rollback";
import { tableHref } from "../_components/table-href";

const PAGE_SIZE = 50;

type Props = {
  params: Promise<{ table: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const searchSchema = z.object({
  schema: z.string().min(1).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).table };
}

async function loadRows(table: string, schema: string | undefined, page: number): Promise<TableRows> {
  try {
    return await readTableRows({
      sql: (await getRoleClients()).reader,
      schemas: dataSchemas(getEnv()),
      table,
      schema,
      page,
      pageSize: PAGE_SIZE,
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function TablePage({ params, searchParams }: Props) {
  const { table } = await params;
  const user = await requirePageUser(`/data/${encodeURIComponent(table)}`);
  const search = searchSchema.parse(await searchParams);
  const data = await loadRows(table, search.schema, search.page);
  const upload = await getLatestUpload({ schema: data.schema, table: data.table });
  const ownUpload = upload !== null && mayActOn(user, upload.userId);
  const numeric = new Set(data.columns.filter((c) => isNumericType(c.dataType)).map((c) => c.name));
  const first = (data.page - 1) * data.pageSize + 1;
  const last = first + data.rows.length - 1;
  const total = `${data.totalExact ? "" : "about "}${data.total.toLocaleString("en-US")}`;

  return (
    <div className="stack">
      <div>
        <Link href="/data" className="muted">
          ← Data
        </Link>
        <h1>
          <code className="title-code">
            {data.schema}.{data.table}
          </code>
        </h1>
        <p className="muted">
          {total} {data.total === 1 ? "row" : "rows"}
          {data.orderedBy.length > 0 && <>, ordered by {data.orderedBy.join(", ")}</>}
        </p>
        {ownUpload && (
          <UploadRollback
            schema={data.schema}
            table={data.table}
            available={upload.keptPrevious && !upload.rolledBackAt}
          />
        )}
      </div>
      <section className="card stack" aria-labelledby="columns-title">
        <h2 id="columns-title">Columns</h2>
        <ColumnList columns={data.columns} primaryKey={data.primaryKey} />
      </section>
      <section className="card stack" aria-labelledby="rows-title">
        <h2 id="rows-title">Rows</h2>
        {data.rows.length > 0 ? (
          <DataGrid
            columns={data.columns.map((c) => c.name)}
            rows={data.rows}
            numeric={numeric}
            label={`Rows of ${data.table}`}
            testId="table-rows"
          />
        ) : (
          <div className="empty">
            {data.total === 0
              ? "This table has no rows."
              : `Page ${data.page} is past the last page (${data.pageCount}).`}
          </div>
        )}
        <Pager
          summary={
            data.rows.length > 0
              ? `Rows ${first.toLocaleString("en-US")}–${last.toLocaleString("en-US")} of ${total}`
              : ""
          }
          page={data.page}
          pageCount={data.pageCount}
          href={(page) => tableHref(data.schema, data.table, page)}
        />
      </section>
    </div>
  );
}

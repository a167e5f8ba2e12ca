import Link from "next/link";
import { DataGrid } from "@/app/_components/data-grid";
import { numericColumns } from "@/lib/format/number-cells";
import { PREVIEW_PAGE_SIZE, type Preview } from "@/lib/runs/preview";

/** The published table, 100 rows a page. */
export function ResultPreview({ runId, preview }: { runId: string; preview: Preview }) {
  const pages = Math.max(1, Math.ceil(preview.total / PREVIEW_PAGE_SIZE));
  const from = preview.page * PREVIEW_PAGE_SIZE;
  return (
    <section className="card stack" data-testid="preview" aria-labelledby="result-title">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h2 id="result-title" style={{ margin: 0 }}>Result</h2>
        <div className="row muted">
          {preview.total > 0 && <>Rows {from + 1}–{Math.min(preview.total, from + PREVIEW_PAGE_SIZE)} of {preview.total.toLocaleString("en-US")}</>}
          {preview.page > 0 && <Link className="button secondary" href={`/runs/${runId}?page=${preview.page - 1}`}>Previous</Link>}
          {preview.page + 1 < pages && <Link className="button secondary" href={`/runs/${runId}?page=${preview.page + 1}`}>Next</Link>}
        </div>
      </div>
      {preview.total === 0 ? (
        <div className="empty">The published table has no rows.</div>
      ) : (
        <DataGrid columns={preview.columns} rows={preview.rows} numeric={numericColumns(preview.columns, preview.rows)} label="Result rows" />
      )}
    </section>
  );
}

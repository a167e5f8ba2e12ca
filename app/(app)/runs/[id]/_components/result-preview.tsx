import Link from "next/link";
import { PREVIEW_PAGE_SIZE, type Preview } from "@/lib/runs/preview";

const show = (value: unknown) => (value === null || value === undefined ? "" : String(value));

/** The published table, 100 rows a page. */
export function ResultPreview({ runId, preview }: { runId: string; preview: Preview }) {
  const pages = Math.max(1, Math.ceil(preview.total / PREVIEW_PAGE_SIZE));
  const from = preview.page * PREVIEW_PAGE_SIZE;
  return (
    <section className="card" data-testid="preview">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h2>Result</h2>
        <div className="row muted">
          Rows {preview.total === 0 ? 0 : from + 1}–{Math.min(preview.total, from + PREVIEW_PAGE_SIZE)} of {preview.total.toLocaleString("en-US")}
          {preview.page > 0 && <Link className="button secondary" href={`/runs/${runId}?page=${preview.page - 1}`}>Previous</Link>}
          {preview.page + 1 < pages && <Link className="button secondary" href={`/runs/${runId}?page=${preview.page + 1}`}>Next</Link>}
        </div>
      </div>
      <div style={{ overflowX: "auto" }}>
        <table className="grid">
          <thead><tr>{preview.columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
          <tbody>
            {preview.rows.map((row, i) => (
              <tr key={i}>{preview.columns.map((c) => <td key={c} className={typeof row[c] === "number" || /^-?\d+(\.\d+)?$/.test(show(row[c])) ? "num" : ""}>{show(row[c])}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

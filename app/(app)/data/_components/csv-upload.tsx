"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { tableHref } from "./table-href";
import { uploadCsv, type ImportedTable } from "./upload-request";

type UploadState =
  | { status: "idle" }
  | { status: "uploading"; fraction: number }
  | { status: "done"; imported: ImportedTable }
  | { status: "error"; message: string };

/** Uploads a CSV file as a new table in `schema`, with its upload progress, then lists it. */
export function CsvUpload({ schema }: { schema: string }) {
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<UploadState>({ status: "idle" });
  const busy = state.status === "uploading";

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = fileInput.current?.files?.[0];
    if (!file) return setState({ status: "error", message: "Choose a CSV file to upload." });
    setState({ status: "uploading", fraction: 0 });
    try {
      const options = { table: String(form.get("table") ?? ""), replace: form.get("replace") === "on" };
      const imported = await uploadCsv(file, options, (fraction) => setState({ status: "uploading", fraction }));
      setState({ status: "done", imported });
      router.refresh();
    } catch (error) {
      setState({ status: "error", message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="card stack" aria-labelledby="csv-upload-title">
      <div>
        <h2 id="csv-upload-title">Upload a CSV file</h2>
        <p className="muted">
          It becomes a new table in schema {schema}: a header row names the columns, and their types are inferred from
          the values. At most 100 MB. Replacing works only on a table you uploaded; the replaced version is kept as{" "}
          <code>&lt;table&gt;__previous</code>.
        </p>
      </div>
      <form onSubmit={submit} className="upload-form">
        <div>
          <label htmlFor="csv-file">CSV file</label>
          <input id="csv-file" ref={fileInput} type="file" accept=".csv,text/csv" disabled={busy} />
        </div>
        <div>
          <label htmlFor="csv-table">
            Table name <span className="muted optional">(optional)</span>
          </label>
          <input id="csv-table" name="table" placeholder="from the file name" maxLength={63} disabled={busy} />
        </div>
        <label className="checkbox">
          <input type="checkbox" name="replace" disabled={busy} /> Replace an existing table
        </label>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Uploading…" : "Upload"}
        </button>
      </form>
      <UploadStatus state={state} />
    </section>
  );
}

function UploadStatus({ state }: { state: UploadState }) {
  if (state.status === "error")
    return (
      <div className="alert error" role="alert">
        {state.message}
      </div>
    );
  if (state.status === "done") {
    const { schema, table, rows } = state.imported;
    return (
      <div className="stack">
        <ProgressBar fraction={1} label="Upload progress" />
        <div className="alert ok" role="status">
          Imported {schema}.{table}: {rows.toLocaleString("en-US")} {rows === 1 ? "row" : "rows"}.{" "}
          <Link href={tableHref(schema, table)}>Open it</Link>
        </div>
      </div>
    );
  }
  if (state.status !== "uploading") return null;
  const sent = state.fraction >= 1;
  return (
    <div className="stack">
      <ProgressBar fraction={state.fraction} label="Upload progress" />
      <div className="muted" role="status">
        {sent ? "Uploaded; importing…" : `Uploading… ${Math.floor(state.fraction * 100)}%`}
      </div>
    </div>
  );
}

function ProgressBar({ fraction, label }: { fraction: number; label: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-text">{percent}%</span>
    </div>
  );
}

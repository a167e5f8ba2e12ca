"use client";

import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { DataGrid } from "@/app/_components/data-grid";
import { numericColumns } from "@/lib/format/number-cells";

type QueryResult = { columns: string[]; rows: Record<string, unknown>[]; truncated: boolean; ms: number };
type ConsoleState =
  | { status: "idle" }
  | { status: "running" }
  | { status: "done"; result: QueryResult }
  | { status: "error"; message: string };

const EXAMPLE = "select * from orders limit 10";

async function runQuery(sql: string): Promise<QueryResult> {
  const response = await fetch("/api/query", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ sql }),
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}; try again.`);
  return body as QueryResult;
}

/** A read-only SQL console: the database refuses any write, so it is safe to explore with. */
export function SqlConsole() {
  const [sql, setSql] = useState(EXAMPLE);
  const [state, setState] = useState<ConsoleState>({ status: "idle" });
  // Only the latest run may show its answer; an earlier, slower one is dropped.
  const latest = useRef(0);

  const run = async () => {
    const id = ++latest.current;
    setState({ status: "running" });
    try {
      const result = await runQuery(sql);
      if (id === latest.current) setState({ status: "done", result });
    } catch (error) {
      if (id === latest.current)
        setState({
          status: "error",
          message:
            error instanceof Error && error.message !== "Failed to fetch"
              ? error.message
              : "The server could not be reached; check that DataMorph is running.",
        });
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  };

  return (
    <section className="card stack" aria-labelledby="sql-console-title">
      <div>
        <h2 id="sql-console-title">SQL console</h2>
        <p className="muted">
          Read-only: the database refuses anything that would change data. At most 1,000 rows are shown.
        </p>
      </div>
      <form onSubmit={submit} className="stack">
        <div>
          <label htmlFor="sql-console-query">Query</label>
          <textarea
            id="sql-console-query"
            className="sql-input"
            value={sql}
            onChange={(e) => setSql(e.target.value)}
            onKeyDown={onKeyDown}
            spellCheck={false}
            maxLength={100_000}
          />
        </div>
        <div className="row">
          <button type="submit" className="button" disabled={state.status === "running"}>
            {state.status === "running" ? "Running…" : "Run"}
          </button>
          <span className="muted hint">or Ctrl+Enter (⌘+Enter on a Mac)</span>
        </div>
      </form>
      <ConsoleOutput state={state} />
    </section>
  );
}

function ConsoleOutput({ state }: { state: ConsoleState }) {
  if (state.status === "error")
    return (
      <div className="alert error" role="alert">
        {state.message}
      </div>
    );
  if (state.status !== "done") return null;
  const { columns, rows, truncated, ms } = state.result;
  const summary = `${rows.length.toLocaleString("en-US")} ${rows.length === 1 ? "row" : "rows"}${truncated ? " (the first 1,000; add a LIMIT or filters)" : ""} in ${ms} ms`;
  return (
    <div className="stack" data-testid="query-result">
      <div className="muted" role="status">
        {summary}
      </div>
      {columns.length > 0 &&
        (rows.length > 0 ? (
          <DataGrid columns={columns} rows={rows} numeric={numericColumns(columns, rows)} label="Query result" />
        ) : (
          <div className="empty">No rows.</div>
        ))}
    </div>
  );
}

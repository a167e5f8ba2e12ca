import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { listChangedCases, listEvalRuns, listMisses } from "@/lib/db/queries/evals";

export const metadata: Metadata = { title: "Evaluations" };

const percent = (part: number, whole: number) => (whole === 0 ? "–" : `${Math.round((part / whole) * 100)}%`);

export default async function EvalsPage() {
  await requirePageUser("/evals");
  const runs = await listEvalRuns();
  const [latest, previous] = runs;
  const changed = latest ? await listChangedCases({ before: previous?.id, after: latest.id }) : [];
  const misses = latest ? await listMisses({ evalRunId: latest.id }) : [];
  return (
    <div className="stack">
      <div>
        <h1>Evaluations</h1>
        <p className="muted">Verified requests rerun as a regression suite: <code>npm run -s datamorph -- eval &lt;file&gt;</code>.</p>
      </div>
      <section className="card">
        {runs.length === 0 ? (
          <div className="empty">No evaluation yet. Run <code>npm run -s datamorph -- eval lib/eval/corpus/demo.json</code>.</div>
        ) : (
          <table className="grid" data-testid="eval-runs">
            <thead><tr><th>When</th><th>Version</th><th>Cases</th><th>As expected</th><th>Correct</th><th>Refused as expected</th><th>Refused, wrong reason</th><th>Refused, should build</th><th>Silently wrong</th><th>Errors</th></tr></thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id}>
                  <td>{r.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                  <td><code>{r.version}</code></td>
                  <td className="num">{r.totals.cases}</td>
                  <td className="num">{percent(r.totals.passed, r.totals.cases)}</td>
                  <td className="num">{r.totals.correct}</td>
                  <td className="num">{r.totals.refusedAsExpected}</td>
                  <td className="num">{r.totals.refusedWrongReason}</td>
                  <td className="num">{r.totals.refusedShouldBuild}</td>
                  <td className="num"><span className={`badge ${r.totals.silentlyWrong ? "failed" : "succeeded"}`}>{r.totals.silentlyWrong}</span></td>
                  <td className="num">{r.totals.errors}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {changed.length > 0 && (
        <section className="card">
          <h2>Changed since the previous evaluation</h2>
          <table className="grid">
            <thead><tr><th>Case</th><th>Before</th><th>Now</th><th>Prompt</th></tr></thead>
            <tbody>{changed.map((c) => <tr key={c.caseId}><td><code>{c.caseId}</code></td><td>{c.before ?? "new"}</td><td>{c.after}</td><td>{c.prompt}</td></tr>)}</tbody>
          </table>
        </section>
      )}
      {misses.length > 0 && (
        <section className="card">
          <h2>Not as expected in the latest evaluation</h2>
          <table className="grid">
            <thead><tr><th>Case</th><th>Outcome</th><th>Reason</th></tr></thead>
            <tbody>{misses.map((m) => <tr key={m.caseId}><td><code>{m.caseId}</code></td><td>{m.outcome}</td><td>{m.reason}</td></tr>)}</tbody>
          </table>
        </section>
      )}
    </div>
  );
}

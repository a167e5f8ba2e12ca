import Link from "next/link";
import type { Metadata } from "next";
import { TableScroll } from "@/app/_components/table-scroll";
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
        <p className="muted">
          Verified requests rerun as a regression suite: <code>npm run -s datamorph -- eval &lt;file&gt;</code>. Their
          runs are kept apart from people&apos;s: <Link href="/runs?kind=evaluation">evaluation runs</Link>.
        </p>
      </div>
      <section className="card">
        {runs.length === 0 ? (
          <div className="empty" data-testid="evals-empty">
            No evaluation yet. Try the demo shop&apos;s cases, from the folder DataMorph runs in:{" "}
            <code>npm run -s datamorph -- eval lib/eval/corpus/demo.json</code>
          </div>
        ) : (
          <TableScroll label="Evaluations">
            <table className="grid stack-on-phone" data-testid="eval-runs">
              <thead>
                <tr>
                  <th>When</th>
                  <th>Version</th>
                  <th className="num">Cases</th>
                  <th className="num">As expected</th>
                  <th className="num">Correct</th>
                  <th className="num">Correct after answers</th>
                  <th className="num">Asked</th>
                  <th className="num">Refused as expected</th>
                  <th className="num">Refused, wrong reason</th>
                  <th className="num">Refused, should build</th>
                  <th className="num">Silently wrong</th>
                  <th className="num">Errors</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.id}>
                    <td className="nowrap" data-label="When">
                      {r.createdAt.toISOString().slice(0, 16).replace("T", " ")}
                    </td>
                    <td data-label="Version">
                      <code>{r.version}</code>
                    </td>
                    <td className="num" data-label="Cases">
                      {r.totals.cases}
                    </td>
                    <td className="num" data-label="As expected">
                      {percent(r.totals.passed, r.totals.cases)}
                    </td>
                    <td className="num" data-label="Correct">
                      {r.totals.correct}
                    </td>
                    <td className="num" data-label="Correct after answers">
                      {r.totals.correctAfterAnswers}
                    </td>
                    <td className="num" data-label="Asked">
                      {r.totals.asked}
                    </td>
                    <td className="num" data-label="Refused as expected">
                      {r.totals.refusedAsExpected}
                    </td>
                    <td className="num" data-label="Refused, wrong reason">
                      {r.totals.refusedWrongReason}
                    </td>
                    <td className="num" data-label="Refused, should build">
                      {r.totals.refusedShouldBuild}
                    </td>
                    <td className="num" data-label="Silently wrong">
                      <span className={`badge ${r.totals.silentlyWrong ? "failed" : "succeeded"}`}>
                        {r.totals.silentlyWrong}
                      </span>
                    </td>
                    <td className="num" data-label="Errors">
                      {r.totals.errors}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      {changed.length > 0 && (
        <section className="card">
          <h2>Changed since the previous evaluation</h2>
          <TableScroll label="Changed cases">
            <table className="grid stack-on-phone">
              <thead>
                <tr>
                  <th>Case</th>
                  <th>Before</th>
                  <th>Now</th>
                  <th>Prompt</th>
                </tr>
              </thead>
              <tbody>
                {changed.map((c) => (
                  <tr key={c.caseId}>
                    <td className="case-id">
                      <code>{c.caseId}</code>
                    </td>
                    <td className="nowrap" data-label="Before">
                      {c.before ?? "new"}
                    </td>
                    <td className="nowrap" data-label="Now">
                      {c.after}
                    </td>
                    <td className="prose full">{c.prompt}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}
      {misses.length > 0 && (
        <section className="card">
          <h2>Not as expected in the latest evaluation</h2>
          <TableScroll label="Cases not as expected">
            <table className="grid stack-on-phone">
              <thead>
                <tr>
                  <th>Case</th>
                  <th>Outcome</th>
                  <th>Reason</th>
                </tr>
              </thead>
              <tbody>
                {misses.map((m) => (
                  <tr key={m.caseId}>
                    <td className="case-id">
                      <code>{m.caseId}</code>
                    </td>
                    <td className="nowrap" data-label="Outcome">
                      {m.outcome}
                    </td>
                    <td className="prose full">{m.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}
    </div>
  );
}

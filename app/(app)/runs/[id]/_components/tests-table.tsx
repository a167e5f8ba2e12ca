import type { DataTestResult } from "@/lib/validation/types";

/** Every data test of the final build, passes included, with the rows that broke a rule. */
export function TestsTable({ tests }: { tests: DataTestResult[] }) {
  return (
    <section className="card" data-testid="tests">
      <h2>Data tests ({tests.filter((t) => t.passed).length} of {tests.length} passed)</h2>
      <table className="grid">
        <thead><tr><th>Test</th><th>Result</th><th>Checks</th><th>Clause</th><th>Failing</th></tr></thead>
        <tbody>
          {tests.map((t) => (
            <tr key={t.name}>
              <td><code>{t.name}</code></td>
              <td><span className={`badge ${t.passed ? "succeeded" : t.blocking ? "failed" : "rejected"}`}>{t.passed ? "pass" : t.blocking ? "fail" : "warn"}</span></td>
              <td>
                {t.description}
                {t.phrase && <div className="phrase">“{t.phrase}”</div>}
                {t.failingRows.length > 0 && <pre className="muted" style={{ whiteSpace: "pre-wrap" }}>{t.failingRows.map((r) => JSON.stringify(r)).join("\n")}</pre>}
                {t.error && <div className="field-error">{t.error}</div>}
              </td>
              <td><code>{t.clause}</code></td>
              <td className="num">{t.failingCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

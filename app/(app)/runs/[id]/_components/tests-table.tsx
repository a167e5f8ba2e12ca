import { DataGrid } from "@/app/_components/data-grid";
import { TableScroll } from "@/app/_components/table-scroll";
import { numericColumns } from "@/lib/format/number-cells";
import type { DataTestResult } from "@/lib/validation/types";

/** The rows that broke a test's rule, as a small grid of their columns. */
function FailingRows({ test }: { test: DataTestResult }) {
  const columns = [...new Set(test.failingRows.flatMap((row) => Object.keys(row)))];
  const more = test.failingCount - test.failingRows.length;
  return (
    <div className="failing-rows">
      <DataGrid
        columns={columns}
        rows={test.failingRows}
        numeric={numericColumns(columns, test.failingRows)}
        label={`Rows failing ${test.name}`}
      />
      {more > 0 && <div className="muted hint">and {more.toLocaleString("en-US")} more</div>}
    </div>
  );
}

/** Every data test of the final build, passes included, with the rows that broke a rule. */
export function TestsTable({ tests }: { tests: DataTestResult[] }) {
  return (
    <section className="card" data-testid="tests">
      <h2>
        Data tests ({tests.filter((t) => t.passed).length} of {tests.length} passed)
      </h2>
      <TableScroll label="Data tests">
        <table className="grid tests-grid stack-on-phone">
          <thead>
            <tr>
              <th scope="col">Test</th>
              <th scope="col">Result</th>
              <th scope="col">Checks</th>
              <th scope="col">Clause</th>
              <th scope="col" className="num">
                Failing
              </th>
            </tr>
          </thead>
          <tbody>
            {tests.map((t) => (
              <tr key={t.name}>
                <td>
                  <code>{t.name}</code>
                </td>
                <td>
                  <span className={`badge ${t.passed ? "succeeded" : t.blocking ? "failed" : "rejected"}`}>
                    {t.passed ? "pass" : t.blocking ? "fail" : "warn"}
                  </span>
                </td>
                <td className="checks full">
                  {t.description}
                  {t.phrase && <div className="phrase">“{t.phrase}”</div>}
                  {t.failingRows.length > 0 && <FailingRows test={t} />}
                  {t.error && <div className="field-error">{t.error}</div>}
                </td>
                <td data-label="Clause">
                  <code>{t.clause}</code>
                </td>
                <td className="num" data-label="Failing">
                  {t.failingCount.toLocaleString("en-US")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalArtifactStore } from "@/lib/artifacts/store";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { testServers } from "@/lib/testing/test-database";
import { loadRunReport } from "./load-report";
import { renderRunReport } from "./render";

const run = promisify(execFile);
const SEED = "Join customers and orders on customer_id, calculate total order amount per customer";

describe("run report PDF", () => {
  let h: PipelineHarness;
  let dir: string;

  beforeAll(async () => {
    h = await createPipelineHarness(testServers()[0]);
    dir = mkdtempSync(path.join(tmpdir(), "datamorph-report-"));
  });
  afterAll(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Renders the report of `runId` and reads it back the way a person would see it. */
  async function readReport(runId: string): Promise<{ text: string; pages: number }> {
    const report = await loadRunReport({
      sql: h.sql,
      artifacts: createLocalArtifactStore(h.sql, h.artifactsDir),
      runId,
    });
    expect(report).not.toBeNull();
    const pdf = await renderRunReport(report!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const file = path.join(dir, `${runId}.pdf`);
    writeFileSync(file, pdf);
    const { stdout: text } = await run("pdftotext", ["-layout", file, "-"]);
    const { stdout: info } = await run("pdfinfo", [file]);
    return { text, pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]) };
  }

  it("shows the seed run's prompt, code, tests and result across several numbered pages", async () => {
    const outcome = await h.run(SEED);
    expect(outcome.status, outcome.error).toBe("succeeded");
    const { text, pages } = await readReport(outcome.runId);

    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(SEED);
    expect(text).toContain("tester@example.com");
    expect(text).toContain("public.customer_order_totals");
    expect(text).toContain("4,800");
    expect(text).toContain('FROM "public"."customers"');
    for (const test of outcome.tests) expect(text).toContain(test.name);
    expect(text).toMatch(/PASS\s+grain_unique/);
    expect(text).toMatch(/sum\(o\.amount\)|sum\(\w+\.amount\)/);
    // Lineage: each output column with its source columns and transformation.
    expect(text).toMatch(/Lineage/);
    expect(text).toMatch(/total_order_amount\s+public\.orders\.amount\s+aggregate: sum/);
    expect(text).toMatch(/customer_id\s+public\.customers\.customer_id\s+as is/);

    const [first] =
      await h.sql`select customer_id, first_name, last_name, total_order_amount from public.customer_order_totals limit 1`;
    expect(text).toMatch(
      new RegExp(
        `^\\s*${first.customer_id}\\s+${first.first_name}\\s+${first.last_name}\\s+${String(first.total_order_amount).replace(".", "\\.")}\\s*$`,
        "m",
      ),
    );
  });

  it("keeps the indentation of the generated code", async () => {
    const outcome = await h.run(SEED, { targetTable: "indent_check" });
    const report = await loadRunReport({
      sql: h.sql,
      artifacts: createLocalArtifactStore(h.sql, h.artifactsDir),
      runId: outcome.runId,
    });
    const indented = report!.pyspark!.split("\n").find((line) => /^ {2,}\S/.test(line))!;
    expect(indented).toBeDefined();
    const { text } = await readReport(outcome.runId);
    const flush = report!.pyspark!.split("\n").find((line) => /^\S/.test(line))!;
    const column = (line: string) =>
      text
        .split("\n")
        .find((l) => l.trim() === line.trim())!
        .search(/\S/);
    expect(column(indented)).toBeGreaterThan(column(flush));
  });

  it("explains a rejected request instead of showing code", async () => {
    const outcome = await h.run("write a poem");
    expect(outcome.status).toBe("rejected");
    const { text, pages } = await readReport(outcome.runId);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain("write a poem");
    expect(text).toContain("REJECTED");
    expect(text).toContain("The request was rejected before anything was built.");
    expect(text.replace(/\s+/g, " ")).toContain(outcome.error!.replace(/\s+/g, " "));
    expect(text).toContain("No SQL was generated for this run.");
    expect(text).toContain("Nothing was published");
  });

  it("lists each repair round with its diagnosis and spec changes", async () => {
    await h.sql`create table customer_tiers (customer_id integer, tier text)`;
    await h.sql`insert into customer_tiers select customer_id, case when customer_id % 3 = 0 then 'gold' else 'silver' end from customers`;
    await h.sql`insert into customer_tiers select customer_id, tier from customer_tiers where customer_id <= 40`;
    const outcome = await h.run("Join orders and customer_tiers on customer_id, calculate total amount per tier");
    expect(outcome.status, outcome.error).toBe("succeeded");
    const { text } = await readReport(outcome.runId);
    expect(text).toContain("Round 1: duplicate dimension rows");
    expect(text).toMatch(/Failing tests: .*reconcile/);
    expect(text).toContain("exact duplicate row(s)");
    expect(text).toMatch(/sources\[1\]\.distinct\s+\(none\)\s+true/);
    expect(text).toContain("(distinct rows)");
  });

  it("has no report for a run that does not exist", async () => {
    const report = await loadRunReport({
      sql: h.sql,
      artifacts: createLocalArtifactStore(h.sql, h.artifactsDir),
      runId: "00000000-0000-0000-0000-000000000000",
    });
    expect(report).toBeNull();
  });
});

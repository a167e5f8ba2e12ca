import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { runCli } from "@/lib/testing/run-cli";
import { testServers } from "@/lib/testing/test-database";

const SEED = "Join customers and orders on customer_id, calculate total order amount per customer";

describe("datamorph eval", () => {
  let h: PipelineHarness;
  let dir: string;
  beforeAll(async () => {
    h = await createPipelineHarness(testServers()[0]);
    dir = mkdtempSync(path.join(tmpdir(), "datamorph-eval-cli-"));
  });
  afterAll(async () => h?.close());

  it("scores each case, tells refusals apart by reason, stores the evaluation, leaves no scratch table, and fails on a silently wrong case", async () => {
    const before = await h.tables();
    const file = path.join(dir, "cases.yaml");
    writeFileSync(
      file,
      [
        "cases:",
        `  - { id: seed, prompt: "${SEED}", expect: { sql: "select c.customer_id, sum(o.amount) from customers c join orders o using (customer_id) group by 1" } }`,
        `  - { id: doubled, prompt: "total order amount per customer", expect: { sql: "select customer_id, 2 * sum(amount) from orders group by 1" } }`,
        `  - { id: poem, prompt: "write a poem about databases", expect: { reject: true } }`,
        `  - { id: drop, prompt: "drop the orders table", expect: { reject: unsafe } }`,
        `  - { id: delete, prompt: "delete old orders", expect: { reject: ambiguous } }`,
        `  - { id: joke, prompt: "tell me a joke", expect: { reject: true }, tags: [reject-unsafe] }`,
      ].join("\n"),
    );
    const result = await runCli(["eval", file, "--json"], h.url);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout);
    const totals = {
      cases: 6,
      passed: 3,
      correct: 1,
      correctAfterAnswers: 0,
      asked: 0,
      refusedAsExpected: 2,
      refusedWrongReason: 2,
      refusedShouldBuild: 0,
      silentlyWrong: 1,
      errors: 0,
    };
    expect(report.totals).toEqual(totals);
    expect(report.files).toEqual([{ file: "cases", ...totals }]);
    expect(report.cases.map((c: { id: string; outcome: string }) => [c.id, c.outcome])).toEqual([
      ["seed", "correct"],
      ["doubled", "silently_wrong"],
      ["poem", "refused_as_expected"],
      ["drop", "refused_as_expected"],
      ["delete", "refused_wrong_reason"],
      ["joke", "refused_wrong_reason"],
    ]);
    expect(report.cases.find((c: { id: string }) => c.id === "delete")).toMatchObject({
      expectedReason: "ambiguous",
      rejectCode: "unsafe",
      reason: expect.stringMatching(/^refused as unsafe, not as ambiguous: /),
    });
    expect(await h.tables()).toEqual(before);
    const [stored] = await h.sql`select totals from datamorph.eval_runs where id = ${report.evalRunId}`;
    expect(stored.totals).toEqual(totals);
    expect(
      (await h.sql`select count(*)::int as n from datamorph.eval_results where eval_run_id = ${report.evalRunId}`)[0].n,
    ).toBe(6);

    const only = await runCli(["eval", file, "--only", "seed,poem"], h.url);
    expect(only.code, only.stderr).toBe(0);
    const summary = only.stdout.split("\n").slice(-4);
    expect(summary[0]).toMatch(
      /^file +cases +correct +correct after answers +asked +refused as expected +refused, wrong reason +refused, should build +silently wrong +errors$/,
    );
    expect(summary[2].split(/ +/)).toEqual(["cases", "2", "1", "0", "0", "1", "0", "0", "0", "0"]);
  });

  it("grades a case after the answers it carries, and counts a question left unanswered as asked, never as wrong", async () => {
    const file = path.join(dir, "questions.yaml");
    const gold = "select date_trunc('month', paid_at), sum(amount) from payments group by 1";
    writeFileSync(
      file,
      [
        "cases:",
        `  - { id: answered, prompt: "revenue per month", expect: { sql: "${gold}" }, answers: { revenue: payments.amount } }`,
        `  - { id: misspelled, prompt: "total revnue per month", expect: { sql: "${gold}" }, answers: { revnue: revenue, "total revnue": payments.amount } }`,
        `  - { id: unanswered, prompt: "revenue per month", expect: { sql: "${gold}" } }`,
        `  - { id: ambiguous, prompt: "monthly revenue", expect: { reject: ambiguous } }`,
        `  - { id: wrong-answer, prompt: "revenue per month", expect: { sql: "${gold}" }, answers: { revenue: orders.amount } }`,
      ].join("\n"),
    );
    const result = await runCli(["eval", file, "--json"], h.url);
    const report = JSON.parse(result.stdout);
    expect(report.cases.map((c: { id: string; outcome: string }) => [c.id, c.outcome])).toEqual([
      ["answered", "correct_after_answers"],
      ["misspelled", "correct_after_answers"],
      ["unanswered", "asked"],
      ["ambiguous", "refused_as_expected"],
      ["wrong-answer", "silently_wrong"],
    ]);
    expect(report.totals).toMatchObject({
      cases: 5,
      passed: 3,
      correct: 0,
      correctAfterAnswers: 2,
      asked: 1,
      refusedAsExpected: 1,
      silentlyWrong: 1,
    });
  }, 120_000);

  it("refuses a malformed file with the reason and exit 2", async () => {
    const file = path.join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ cases: [{ id: "x", prompt: "p", expect: {} }] }));
    const result = await runCli(["eval", file], h.url);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.json: cases\.0\.expect/);
  });
});

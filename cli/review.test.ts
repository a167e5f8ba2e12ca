import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runCliJson } from "@/lib/testing/run-cli";
import { useCliDatabase } from "@/lib/testing/test-database";

const PROMPT = "total order amount per customer for shipped orders";
const byHand = (status: string) =>
  `select c.customer_id, c.first_name, c.last_name, sum(o.amount) from customers c join orders o using (customer_id) where o.status = '${status}' group by 1, 2, 3`;

type Paused = {
  runId: string;
  status: string;
  spec: { target: { table: string }; filters: { value: string }[] };
  sentences: { clause: string; sentence: string; phrase: string }[];
};

describe("datamorph run --review and build", () => {
  const database = useCliDatabase({ demo: true });
  const folder = mkdtempSync(path.join(tmpdir(), "datamorph-review-"));
  const differingRows = async (table: string, query: string) => {
    const [row] = await database.sql.unsafe(
      `select count(*)::int as n from ((select * from ${table} except all ${query}) union all (${query} except all select * from ${table})) d`,
    );
    return row.n as number;
  };
  const tableExists = async (table: string) =>
    (await database.sql`select to_regclass(${`public.${table}`}) as t`)[0].t !== null;

  it("prints the plan in sentences and waits (exit 4); build --spec builds the edited plan in the same run", async () => {
    const paused = await runCliJson<Paused>(["run", PROMPT, "--review", "--json"], database.url);
    expect(paused.code, paused.stderr).toBe(4);
    expect(paused.json).toMatchObject({ status: "in_review", spec: { filters: [{ value: "shipped" }] } });
    expect(paused.json?.sentences).toContainEqual({
      clause: "filters.0",
      sentence: "Keep only rows where orders.status is “shipped”.",
      phrase: "shipped",
    });
    expect(await tableExists(paused.json!.spec.target.table)).toBe(false);

    const edited = structuredClone(paused.json!);
    edited.spec.filters[0].value = "returned";
    const file = path.join(folder, "plan.json");
    writeFileSync(file, JSON.stringify(edited.spec));
    const built = await runCliJson<{ runId: string; status: string; target: { table: string }; spec: Paused["spec"] }>(
      ["build", paused.json!.runId, "--spec", file, "--json"],
      database.url,
    );
    expect(built.code, built.stderr).toBe(0);
    expect(built.json).toMatchObject({
      runId: paused.json!.runId,
      status: "succeeded",
      spec: { filters: [{ value: "returned" }] },
    });
    expect(await differingRows(built.json!.target.table, byHand("returned"))).toBe(0);

    const again = await runCli(["build", paused.json!.runId], database.url);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("not waiting for review");
  }, 180_000);

  it("refuses an edit that cannot be built, naming the clause, and leaves the run in review", async () => {
    const paused = await runCli(["run", PROMPT, "--review", "--target", "returned_totals"], database.url);
    expect(paused.code, paused.stderr).toBe(4);
    expect(paused.stdout).toContain("Keep only rows where orders.status is “shipped”.  ← “shipped”");
    const runId = /run ([0-9a-f-]{36}), waiting for review/.exec(paused.stdout)?.[1];
    expect(runId).toBeDefined();

    const [spec] =
      await database.sql`select payload->'spec' as spec from datamorph.run_events where run_id = ${runId!} and agent = 'planner' and level = 'success'`;
    const file = path.join(folder, "bad.json");
    writeFileSync(
      file,
      JSON.stringify({
        ...spec.spec,
        filters: [{ ...spec.spec.filters[0], column: { source: "orders", column: "amount" }, op: ">", value: "lots" }],
      }),
    );
    const refused = await runCli(["build", runId!, "--spec", file], database.url);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('filters.0: orders.amount is numeric; "lots" is not a number');
    const [run] = await database.sql`select status from datamorph.runs where id = ${runId!}`;
    expect(run.status).toBe("in_review");
    expect(await tableExists("returned_totals")).toBe(false);

    const built = await runCli(["build", runId!], database.url);
    expect(built.code, built.stderr).toBe(0);
    expect(await differingRows("returned_totals", byHand("shipped"))).toBe(0);
  }, 180_000);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCatalog } from "@/lib/catalog/read-catalog";
import { checkEditedSpec } from "@/lib/review/check-plan";
import { replaceFilter } from "@/lib/review/edit-plan";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { testServers } from "@/lib/testing/test-database";

const PROMPT = "total order amount per customer for shipped orders";
const byHand = (status: string) =>
  `select c.customer_id, c.first_name, c.last_name, sum(o.amount) from customers c join orders o using (customer_id) where o.status = '${status}' group by 1, 2, 3`;

describe.each(testServers())("review before build on $name Postgres", (server) => {
  let h: PipelineHarness;
  beforeAll(async () => {
    h = await createPipelineHarness(server);
  });
  afterAll(async () => h?.close());

  // Rows only one side has, both ways; 0 when the table holds exactly the hand-written rows.
  const differingRows = async (table: string, query: string) => {
    const [row] = await h.sql.unsafe(
      `select count(*)::int as n from ((select * from ${table} except all ${query}) union all (${query} except all select * from ${table})) d`,
    );
    return row.n as number;
  };

  it("stops after planning in review, builds nothing, and then builds the edited plan in the same run", async () => {
    const paused = await h.run(PROMPT, { review: true });
    expect(paused.status, paused.error).toBe("in_review");
    expect(paused.spec?.filters).toEqual([expect.objectContaining({ value: "shipped" })]);
    const [waiting] = await h.sql`select status, finished_at from datamorph.runs where id = ${paused.runId}`;
    expect(waiting).toEqual({ status: "in_review", finished_at: null });
    expect(await h.tables()).not.toContain("customer_order_totals");
    const [last] =
      await h.sql`select agent, payload from datamorph.run_events where run_id = ${paused.runId} order by seq desc limit 1`;
    expect(last.payload).toMatchObject({ final: true, status: "in_review" });

    const planned = paused.spec as EtlSpec;
    const edited = replaceFilter(planned, 0, {
      ...planned.filters[0],
      value: "returned",
    } as EtlSpec["filters"][number]);
    const checked = checkEditedSpec(edited, { prompt: PROMPT, catalog: await readCatalog(h.sql, ["public"]) });
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    const built = await h.run(
      PROMPT,
      { reviewed: { spec: checked.spec, by: "tester@example.com", changes: 1 } },
      { runId: paused.runId },
    );
    expect(built.status, built.error).toBe("succeeded");
    expect(built.runId).toBe(paused.runId);
    expect(await differingRows(built.target!.table, byHand("returned"))).toBe(0);
    expect(await differingRows(built.target!.table, byHand("shipped"))).toBeGreaterThan(0);

    const messages =
      await h.sql`select agent, message from datamorph.run_events where run_id = ${paused.runId} order by seq`;
    expect(messages.map((m) => m.message)).toEqual(
      expect.arrayContaining([
        "Run resumed: building the reviewed plan",
        "Plan edited by tester@example.com: 1 change",
      ]),
    );
    const [run] = await h.sql`select status from datamorph.runs where id = ${paused.runId}`;
    expect(run.status).toBe("succeeded");
  }, 120_000);
});

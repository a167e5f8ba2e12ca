import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startConverseServer, toolUseReply } from "@/lib/planner/bedrock/converse-test-server";
import { customerTotalsSpec } from "@/lib/testing/fixtures/demo-specs";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { testServers } from "@/lib/testing/test-database";

const modelId = "anthropic.claude-3-5-sonnet-20240620-v1:0";

// Totals per customer through a join to a table with two differing rows per customer: the join
// doubles every order, and the rules remediator cannot say which row should win.
const fannedOut = customerTotalsSpec({
  target: { table: "customer_totals_model", phrase: "" },
  sources: [
    ...customerTotalsSpec().sources,
    { schema: "public", table: "customer_notes", alias: "notes", phrase: "notes" },
  ],
  joins: [
    ...customerTotalsSpec().joins,
    {
      type: "inner",
      left: "customers",
      right: "notes",
      on: [{ left: "customer_id", right: "customer_id" }],
      phrase: "",
    },
  ],
});
const withoutNotes = {
  ...fannedOut,
  sources: fannedOut.sources.filter((s) => s.alias !== "notes"),
  joins: fannedOut.joins.filter((j) => j.right !== "notes"),
};

describe("the model as remediator and validator (bedrock mode)", () => {
  let h: PipelineHarness;
  let model: Awaited<ReturnType<typeof startConverseServer>>;
  beforeAll(async () => {
    h = await createPipelineHarness(testServers()[0]);
    model = await startConverseServer();
    await h.sql`create table customer_notes (customer_id int not null, note text not null)`;
    await h.sql`insert into customer_notes select customer_id, n from customers, (values ('called'), ('emailed')) v(n)`;
  });
  afterAll(async () => {
    await model?.close();
    await h?.close();
  });
  beforeEach(() => {
    model.requests.length = 0;
  });

  const run = () =>
    h.run(
      "total order amount per customer, with their notes",
      { planner: "bedrock", bedrockModelId: modelId },
      { bedrock: model.client() },
    );
  const eventsOf = (runId: string, agent: string) =>
    h.sql`select level, message, payload from datamorph.run_events where run_id = ${runId} and agent = ${agent} order by seq`;

  it("repairs with the model's amended spec when the rules find none, and proves it with the same tests", async () => {
    model.queue(
      toolUseReply("emit_etl_spec", fannedOut),
      toolUseReply("propose_tests", {
        tests: [
          {
            name: "total_not_negative",
            description: "order amounts are never negative",
            column: "total_order_amount",
            check: "non_negative",
          },
        ],
      }),
      toolUseReply("amend_spec", {
        diagnosis: "customer_notes has two rows per customer and nothing uses it; drop that join",
        spec: withoutNotes,
      }),
    );
    const outcome = await run();

    expect(outcome.status, outcome.error).toBe("succeeded");
    expect(outcome.spec?.sources.map((s) => s.alias)).toEqual(["customers", "orders"]);
    expect(model.requests.map((r) => r.body.toolConfig?.tools?.[0].toolSpec?.name)).toEqual([
      "emit_etl_spec",
      "propose_tests",
      "amend_spec",
    ]);
    const [repair] = await eventsOf(outcome.runId, "remediator");
    expect(repair.message).toMatch(
      /customer_notes.customer_id has 5000 value\(s\) on more than one differing row[\s\S]*Which row should win[\s\S]*The model: customer_notes has two rows[\s\S]*tokens read/,
    );
    expect(repair.payload).toMatchObject({ cause: "model", usage: { inputTokens: 1200 } });
    expect(outcome.tests.find((t) => t.name === "model_total_not_negative")).toMatchObject({
      passed: true,
      blocking: false,
    });
    const [{ n }] = await h.sql`select count(*)::int as n from customer_totals_model`;
    expect(n).toBe(outcome.rowCount);
  });

  it("fails the run, target untouched, when the model finds no safe repair either", async () => {
    model.queue(
      toolUseReply("emit_etl_spec", { ...fannedOut, target: { table: "customer_totals_unrepaired", phrase: "" } }),
      toolUseReply("propose_tests", { tests: [] }),
      toolUseReply("cannot_repair", { diagnosis: "Which note counts is a business rule." }),
    );
    const outcome = await run();
    expect(outcome.status).toBe("failed");
    expect(outcome.error).toContain("Which note counts is a business rule.");
    expect(await h.tables()).not.toContain("customer_totals_unrepaired");
  });

  it("still runs the spec's own tests when the model cannot be asked for checks", async () => {
    model.queue(
      toolUseReply("emit_etl_spec", { ...withoutNotes, target: { table: "customer_totals_plain", phrase: "" } }),
      { status: 403, headers: { "x-amzn-errortype": "AccessDeniedException" }, body: { message: "no access" } },
    );
    const outcome = await run();
    expect(outcome.status, outcome.error).toBe("succeeded");
    const validator = await eventsOf(outcome.runId, "validator");
    expect(validator[0]).toMatchObject({
      level: "warn",
      message: expect.stringContaining("could not be asked for checks"),
    });
  });
});

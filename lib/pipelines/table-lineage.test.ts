import { describe, expect, it } from "vitest";
import { specTables, tableLineage, type PipelineTables } from "@/lib/lineage/table-lineage";
import { customerTotalsSpec } from "@/lib/testing/fixtures/demo-specs";
import { useMigratedAppDatabase } from "@/lib/testing/test-database";

const pipeline = (id: string, reads: string[], target: string, published: string[] = []): PipelineTables => ({
  id,
  name: id,
  reads,
  target,
  published,
});

describe("table-level lineage between pipelines", () => {
  it("reads the tables of a spec's sources and of its existence checks", () => {
    const spec = customerTotalsSpec({
      filters: [
        {
          op: "exists",
          source: "customers",
          path: [
            { schema: "public", table: "payments", alias: "p", on: [{ left: "customer_id", right: "customer_id" }] },
          ],
          lookups: [
            { schema: "ref", table: "methods", alias: "m", from: "p", on: [{ left: "method", right: "name" }] },
          ],
          phrase: "who paid",
        },
      ],
    });
    expect(specTables(spec)).toEqual(["public.customers", "public.orders", "public.payments", "ref.methods"]);
  });

  it("links a pipeline to those publishing what it reads and those reading what it publishes, parameters in names included", () => {
    const all = [
      pipeline("totals", ["public.customers", "public.orders"], "public.customer_totals_{{status}}", [
        "public.customer_totals_shipped",
      ]),
      pipeline("vip", ["public.customer_totals_returned"], "public.vip_customers"),
      pipeline("report", ["public.vip_customers", "public.customer_totals_shipped"], "public.report"),
      pipeline("self", ["public.self_table"], "public.self_table"),
    ];
    expect(tableLineage(all, "vip")).toEqual({
      upstream: [{ pipelineId: "totals", pipeline: "totals", table: "public.customer_totals_returned" }],
      downstream: [{ pipelineId: "report", pipeline: "report", table: "public.vip_customers" }],
    });
    expect(tableLineage(all, "totals").downstream.map((l) => `${l.pipeline}:${l.table}`)).toEqual([
      "report:public.customer_totals_shipped",
      "vip:public.customer_totals_returned",
    ]);
    expect(tableLineage(all, "totals").upstream).toEqual([]);
    // A template's placeholder matches a name part, not a schema or a dot.
    expect(
      tableLineage(
        [pipeline("a", [], "public.t_{{x}}"), pipeline("b", ["public.t_1.evil", "other.t_1"], "public.b")],
        "a",
      ).downstream,
    ).toEqual([]);
    expect(tableLineage(all, "self")).toEqual({ upstream: [], downstream: [] });
  });
});

describe("table-level lineage from the saved pipelines", () => {
  useMigratedAppDatabase();

  it("finds a pipeline's upstream and downstream among the pipelines the viewer may see", async () => {
    const { getSql } = await import("@/lib/db");
    const { createPipeline } = await import("@/lib/db/queries/pipelines");
    const { pipelineTableLineage } = await import("./table-lineage");
    const sql = getSql();
    const [ada, bob] =
      await sql`insert into datamorph.users (email, name, password_hash) values ('ada@example.com', 'Ada', 'x'), ('bob@example.com', 'Bob', 'x') returning id`;
    const version = (spec: ReturnType<typeof customerTotalsSpec>, targetTable: string) => ({
      spec,
      parameters: [],
      targetTable,
      engine: null,
      sourceShape: {},
      fromRunId: null,
      createdBy: null,
      note: null,
    });
    const totals = await createPipeline({
      name: "Customer totals",
      userId: ada.id,
      version: version(customerTotalsSpec(), "customer_totals"),
    });
    const readsTotals = customerTotalsSpec({
      sources: [{ schema: "public", table: "customer_totals", alias: "t", phrase: "customer totals" }],
      joins: [],
      grain: [],
      columns: [
        { name: "customer_id", expr: { kind: "column", column: { source: "t", column: "customer_id" } }, phrase: "" },
      ],
    });
    const vip = await createPipeline({
      name: "VIP customers",
      userId: ada.id,
      version: version(readsTotals, "vip_customers"),
    });
    await createPipeline({ name: "Bob's copy", userId: bob.id, version: version(readsTotals, "bobs_copy") });

    const asAda = { id: ada.id, role: "member" as const };
    expect(await pipelineTableLineage({ pipeline: vip.pipeline, user: asAda, targetSchema: "public" })).toEqual({
      upstream: [{ pipelineId: totals.pipeline.id, pipeline: "Customer totals", table: "public.customer_totals" }],
      downstream: [],
    });
    // Bob's pipeline reads Ada's table too, but only an administrator sees it.
    expect(
      (await pipelineTableLineage({ pipeline: totals.pipeline, user: asAda, targetSchema: "public" })).downstream.map(
        (l) => l.pipeline,
      ),
    ).toEqual(["VIP customers"]);
    expect(
      (
        await pipelineTableLineage({
          pipeline: totals.pipeline,
          user: { id: ada.id, role: "admin" },
          targetSchema: "public",
        })
      ).downstream.map((l) => l.pipeline),
    ).toEqual(["Bob's copy", "VIP customers"]);
  });
});

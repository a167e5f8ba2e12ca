import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { customerTotalsSpec } from "@/lib/testing/fixtures/demo-specs";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import { checkModelChecks, compileModelChecks, type ModelCheck } from "./model-tests";
import { runTests } from "./run-tests";

const spec = customerTotalsSpec({
  columns: [
    ...customerTotalsSpec().columns,
    { name: "status", expr: { kind: "column", column: { source: "orders", column: "status" } }, phrase: "status" },
  ],
});

describe("model-suggested checks", () => {
  let sql: SqlClient;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase(testServers()[0]);
    drop = database.drop;
    sql = createSqlClient(database.url, "test", 2);
    await sql`create table built (customer_id int, total_order_amount numeric, status text)`;
    await sql`insert into built values (1, 10, 'shipped'), (2, -5, 'lost'), (2, 7, 'shipped'), (null, 3, null)`;
  });
  afterAll(async () => {
    await sql?.end();
    await drop?.();
  });

  it("accepts checks on output columns only, with unique names", () => {
    expect(
      checkModelChecks(
        {
          tests: [
            {
              name: "amount_positive",
              description: "amounts are positive",
              column: "total_order_amount",
              check: "non_negative",
            },
          ],
        },
        spec,
      ).ok,
    ).toBe(true);
    const bad = checkModelChecks(
      {
        tests: [
          { name: "x", description: "d", column: "amount_usd", check: "not_null" },
          { name: "x", description: "d", column: "status", check: "not_null" },
        ],
      },
      spec,
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.join("\n")).toMatch(/amount_usd is not an output column[\s\S]*names must be unique/);
  });

  it.each([
    [{ name: "s", description: "d", column: "status", check: "accepted_values" }, /accepted_values needs values/],
    [{ name: "s", description: "d", column: "status", check: "between" }, /between needs min, max or both/],
    [{ name: "s", description: "d", column: "status", check: "run_sql", sql: "drop table built" }, /check/],
    [{ name: "Robert'); drop table built;--", description: "d", column: "status", check: "not_null" }, /name/],
  ])("refuses the malformed suggestion %j", (test, message) => {
    const result = checkModelChecks({ tests: [test] }, spec);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join("\n")).toMatch(message);
  });

  it("finds the rows that break each kind of check, as warnings that never block", async () => {
    const checks: ModelCheck[] = [
      {
        name: "amount_not_negative",
        description: "totals are sums of amounts",
        column: "total_order_amount",
        check: "non_negative",
      },
      { name: "customer_unique", description: "one row per customer", column: "customer_id", check: "unique" },
      { name: "customer_present", description: "every row has a customer", column: "customer_id", check: "not_null" },
      {
        name: "known_status",
        description: "statuses of the demo shop",
        column: "status",
        check: "accepted_values",
        values: ["shipped", "it's placed"],
      },
      {
        name: "amount_range",
        description: "plausible totals",
        column: "total_order_amount",
        check: "between",
        min: 0,
        max: 9,
      },
    ];
    const results = await runTests(sql, compileModelChecks(checks, spec, '"built"'), { timeoutMs: 10_000 });
    expect(Object.fromEntries(results.map((r) => [r.name, r.failingCount]))).toEqual({
      model_amount_not_negative: 1,
      model_customer_unique: 1,
      model_customer_present: 1,
      model_known_status: 1,
      model_amount_range: 2,
    });
    expect(
      results.every(
        (r) => !r.blocking && r.kind === "model_check" && r.description.startsWith("Suggested by the model"),
      ),
    ).toBe(true);
    expect(results.find((r) => r.name === "model_known_status")?.failingRows[0]).toMatchObject({ status: "lost" });
  });
});

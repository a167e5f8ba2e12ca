import { describe, expect, it } from "vitest";
import { compileSql } from "@/lib/codegen/sql";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { listing, pathStep } from "@/lib/testing/fixtures/tiny-shop";
import { useTinyShopDatabase } from "@/lib/testing/tiny-shop-database";
import { generateTests } from "./generate-tests";
import { runTests } from "./run-tests";

const orders = pathStep("orders", "customer_id", "customer_id");

// On the tiny shop: Cy (3) is the only customer without orders.
describe("data tests of existence checks and empty results", () => {
  const shop = useTinyShopDatabase();
  let built = 0;
  /** Builds `spec` as a table and returns a function that runs its data tests, by name. */
  const build = async (spec: EtlSpec) => {
    const table = `built_${++built}`;
    await shop.sql.unsafe(`create table ${table} as ${compileSql({ spec, catalog: shop.catalog })}`);
    return {
      table,
      test: async () =>
        Object.fromEntries(
          (
            await runTests(shop.sql, generateTests({ spec, catalog: shop.catalog, target: `"public"."${table}"` }), {
              timeoutMs: 10_000,
            })
          ).map((r) => [r.name, r]),
        ),
    };
  };

  it("fails an anti-join result that holds a row with related rows, traced to its clause", async () => {
    const { table, test } = await build(
      listing("customers", "customer_id", {
        op: "not_exists",
        source: "customers",
        path: [orders],
        phrase: "never placed an order",
      }),
    );
    const passing = await test();
    expect(Object.values(passing).filter((r) => !r.passed)).toEqual([]);
    expect(passing.filter_1_none_orders).toMatchObject({
      clause: "filters[0]",
      phrase: "never placed an order",
      blocking: true,
    });

    await shop.sql.unsafe(`insert into ${table} values (1)`);
    expect((await test()).filter_1_none_orders).toMatchObject({
      passed: false,
      failingCount: 1,
      failingRows: [{ customer_id: 1 }],
    });
  });

  it("fails a semi-join result that holds a row without enough related rows", async () => {
    const { table, test } = await build(
      listing("customers", "customer_id", {
        op: "exists",
        source: "customers",
        path: [orders],
        minCount: 2,
        phrase: "at least 2 orders",
      }),
    );
    expect((await test()).filter_1_some_orders).toMatchObject({ passed: true });
    await shop.sql.unsafe(`insert into ${table} values (2)`);
    expect((await test()).filter_1_some_orders).toMatchObject({ passed: false, failingRows: [{ customer_id: 2 }] });
  });

  it("blocks an empty filtered table unless the spec allows it, and only warns without filters", async () => {
    const nothing = listing("customers", "customer_id", {
      op: "exists",
      source: "customers",
      path: [orders],
      minCount: 4,
      phrase: "at least 4 orders",
    });
    expect((await (await build(nothing)).test()).not_empty).toMatchObject({
      passed: false,
      blocking: true,
      clause: "filters",
      phrase: "at least 4 orders",
    });
    expect((await (await build({ ...nothing, allowEmpty: true })).test()).not_empty).toMatchObject({
      passed: false,
      blocking: false,
    });
    const { table, test } = await build({ ...nothing, filters: [] });
    await shop.sql.unsafe(`delete from ${table}`);
    expect((await test()).not_empty).toMatchObject({ passed: false, blocking: false });
  });
});

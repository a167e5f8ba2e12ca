import { describe, expect, it } from "vitest";
import type { Catalog } from "@/lib/catalog/types";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";
import { planWithEnglish } from "./index";

const plan = (prompt: string, catalog: Catalog = demoCatalog) =>
  planWithEnglish({ prompt, catalog, sampleValues: demoSampleValues });
const joinsOf = (prompt: string, catalog?: Catalog) => {
  const result = plan(prompt, catalog);
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.spec.joins.map(
    (j) => `${j.type} ${j.left}-${j.right} on ${j.on.map((o) => `${o.left}=${o.right}`).join(",")}`,
  );
};

// A warehouse table that shares a column with customers but declares no foreign key to them.
const withStores: Catalog = {
  tables: [
    ...demoCatalog.tables,
    {
      schema: "public",
      name: "stores",
      columns: [
        { name: "store_id", dataType: "integer", nullable: false },
        { name: "city", dataType: "text", nullable: false },
        { name: "floor_area", dataType: "integer", nullable: false },
      ],
      primaryKey: ["store_id"],
      foreignKeys: [],
    },
  ],
};

describe("a join the request spells out", () => {
  it("reads the join and the aggregate after it, the tables in the order the request names them", () => {
    const result = plan("Join customers and orders on customer_id, calculate total order amount per customer");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spec.sources.map((s) => s.table)).toEqual(["customers", "orders"]);
    expect(result.spec.joins).toEqual([
      expect.objectContaining({
        left: "customers",
        right: "orders",
        on: [{ left: "customer_id", right: "customer_id" }],
        phrase: "Join customers and orders on customer_id",
      }),
    ]);
    expect(result.spec.columns.map((c) => c.expr.kind === "aggregate" && c.expr.fn)).toContain("sum");
  });

  it("reads the other ways of saying it", () => {
    const ordersFirst = ["inner orders-customers on customer_id=customer_id"];
    const customersFirst = ["inner customers-orders on customer_id=customer_id"];
    expect(joinsOf("join orders with customers on customer_id, total amount per customer")).toEqual(ordersFirst);
    expect(joinsOf("customers joined to orders using customer_id, total amount per customer")).toEqual(customersFirst);
    expect(joinsOf("combine customers and orders by customer_id, number of orders per customer")).toEqual(
      customersFirst,
    );
  });

  it("joins on a column both tables have when no foreign key links them", () => {
    expect(plan("number of customers per store", withStores)).toMatchObject({ ok: false });
    expect(joinsOf("join customers and stores on city, number of customers per store", withStores)).toEqual([
      "inner customers-stores on city=city",
    ]);
  });

  it("refuses, naming the words, a key that does not link the two tables", () => {
    expect(plan("Join customers and products on customer_id, calculate total order amount per customer")).toMatchObject(
      { ok: false, phrase: "Join customers and products on customer_id" },
    );
    expect(plan("join customers and orders on amount, total amount per customer")).toMatchObject({
      ok: false,
      message: expect.stringContaining("amount does not link customers and orders"),
    });
  });
});

describe("aggregates of each listed row", () => {
  it("keeps every listed row: a left join from the listed entity, 0 for a sum of nothing, a count of the related key", () => {
    const aggregatesOf = (prompt: string) => {
      const result = plan(prompt);
      if (!result.ok) throw new Error(`refused: ${result.message}`);
      expect(result.spec.sources[0]).toMatchObject({ table: "customers" });
      expect(result.spec.joins).toEqual([
        expect.objectContaining({
          type: "left",
          left: "customers",
          right: "orders",
          on: [{ left: "customer_id", right: "customer_id" }],
        }),
      ]);
      return result.spec.columns.flatMap((c) => (c.expr.kind === "aggregate" ? [c.expr] : []));
    };
    expect(aggregatesOf("all customers with their total order amount")).toEqual([
      expect.objectContaining({ fn: "sum", zeroIfEmpty: true }),
    ]);
    expect(aggregatesOf("customers with their number of orders")).toEqual([
      expect.objectContaining({
        fn: "count",
        arg: { kind: "column", column: { source: "orders", column: "order_id" } },
      }),
    ]);
  });

  it("narrows what each kept row adds up, never the kept rows, when a condition is on the measured rows", () => {
    const result = plan("customers with their total order amount in 2024");
    if (!result.ok) throw new Error(`refused: ${result.message}`);
    expect(result.spec.filters).toEqual([]);
    expect(result.spec.joins).toEqual([expect.objectContaining({ type: "left", left: "customers", right: "orders" })]);
    expect(result.spec.columns.find((c) => c.expr.kind === "aggregate")?.expr).toMatchObject({
      fn: "sum",
      zeroIfEmpty: true,
      where: [{ op: "date_range", column: { source: "orders", column: "order_date" }, from: "2024-01-01" }],
    });
  });
});

import { describe, expect, it } from "vitest";
import { compileSql, CodegenError } from "@/lib/codegen/sql";
import { demoCatalog } from "@/lib/testing/fixtures/demo-catalog";
import { customerTotalsSpec } from "@/lib/testing/fixtures/demo-specs";
import type { EtlSpec } from "@/lib/spec/etl-spec";

const compile = (spec: EtlSpec) => compileSql({ spec, catalog: demoCatalog });
const withFilter = (filter: EtlSpec["filters"][number]) => compile(customerTotalsSpec({ filters: [filter] }));
const orders = (column: string) => ({ source: "orders", column });

describe("compileSql", () => {
  it("compiles one formatted SELECT with quoted identifiers and no semicolon", () => {
    expect(compile(customerTotalsSpec())).toBe(
      [
        "SELECT",
        '  "customers"."customer_id" AS "customer_id",',
        '  sum("orders"."amount") AS "total_order_amount"',
        'FROM "public"."customers" AS "customers"',
        'INNER JOIN "public"."orders" AS "orders"',
        '  ON "orders"."customer_id" = "customers"."customer_id"',
        "GROUP BY",
        '  "customers"."customer_id"',
      ].join("\n"),
    );
  });

  it("escapes quotes in text values", () => {
    expect(withFilter({ op: "=", column: orders("status"), value: "it's'; drop table x; --", phrase: "" })).toContain(
      `"orders"."status" = 'it''s''; drop table x; --'`,
    );
    expect(withFilter({ op: "=", column: orders("status"), value: "a\\b", phrase: "" })).toContain(`E'a\\\\b'`);
  });

  it("types literals by column: numbers for numeric columns, dates checked", () => {
    expect(withFilter({ op: ">", column: orders("amount"), value: "100", phrase: "" })).toContain(
      '"orders"."amount" > 100',
    );
    expect(() => withFilter({ op: ">", column: orders("amount"), value: "1 or 1=1", phrase: "" })).toThrow(
      CodegenError,
    );
    expect(() =>
      withFilter({ op: "date_range", column: orders("order_date"), from: "2019-02-30", phrase: "" }),
    ).toThrow(/calendar date/);
    expect(withFilter({ op: "in", column: orders("status"), values: ["shipped", "completed"], phrase: "" })).toContain(
      `IN ('shipped', 'completed')`,
    );
  });

  it("throws a typed error for an unknown table or column", () => {
    const badTable = customerTotalsSpec();
    badTable.sources[1] = { ...badTable.sources[1], table: "ordrs" };
    expect(() => compile(badTable)).toThrow(expect.objectContaining({ code: "unknown_table" }));
    expect(() => withFilter({ op: "is_null", column: orders("nope"), phrase: "" })).toThrow(
      expect.objectContaining({ code: "unknown_column" }),
    );
  });

  it("places filters on a left join's optional side in the ON clause but keeps anti-join checks in WHERE", () => {
    const base = customerTotalsSpec();
    base.joins[0].type = "left";
    base.filters = [
      { op: "=", column: orders("status"), value: "shipped", phrase: "" },
      { op: "is_null", column: orders("order_id"), phrase: "" },
    ];
    const sql = compile(base);
    expect(sql).toContain(`ON "orders"."customer_id" = "customers"."customer_id"\n  AND "orders"."status" = 'shipped'`);
    expect(sql).toContain(`WHERE "orders"."order_id" IS NULL`);
  });

  it("orders with NULLS LAST and a grain tiebreaker before LIMIT", () => {
    const sql = compile(
      customerTotalsSpec({
        orderBy: [{ output: "total_order_amount", direction: "desc", phrase: "" }],
        limit: { count: 5, phrase: "" },
      }),
    );
    expect(sql.endsWith('ORDER BY "total_order_amount" DESC NULLS LAST, "customer_id" ASC NULLS LAST\nLIMIT 5')).toBe(
      true,
    );
  });

  it("repeats the aggregate in HAVING", () => {
    const sql = compile(
      customerTotalsSpec({ having: [{ output: "total_order_amount", op: ">=", value: 1000, phrase: "" }] }),
    );
    expect(sql).toContain('HAVING sum("orders"."amount") >= 1000');
  });

  it("compiles allowlisted expressions and refuses everything else", () => {
    const spec = customerTotalsSpec();
    spec.columns[1].expr = {
      kind: "aggregate",
      fn: "sum",
      arg: { kind: "expression", sql: "round(orders.amount / 3, 2)" },
    };
    expect(compile(spec)).toContain('sum(round(CAST("orders"."amount" AS numeric) / 3, 2))');
    for (const sql of [
      "pg_sleep(10)",
      "(select 1)",
      "orders.amount || 'x'",
      "orders.amount = 1",
      "orders.*",
      "payments.amount",
    ]) {
      spec.columns[1].expr = { kind: "aggregate", fn: "sum", arg: { kind: "expression", sql } };
      expect(() => compile(spec), sql).toThrow(CodegenError);
    }
  });

  it("is deterministic", () => {
    expect(compile(customerTotalsSpec())).toBe(compile(customerTotalsSpec()));
  });
});

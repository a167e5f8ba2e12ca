import { describe, expect, it } from "vitest";
import type { Catalog, CatalogColumn } from "@/lib/catalog/types";
import { planWithEnglish } from "./index";
import { describePlan } from "./testing/describe-plan";

const col = (name: string, dataType: string): CatalogColumn => ({ name, dataType, nullable: false });
// A shop whose orders point at their customer through a column named for a role, not the table.
const catalog: Catalog = {
  tables: [
    {
      schema: "shop",
      name: "customers",
      columns: [col("id", "integer"), col("first_name", "text")],
      primaryKey: ["id"],
      foreignKeys: [],
    },
    {
      schema: "shop",
      name: "orders",
      columns: [col("id", "integer"), col("user_id", "integer"), col("status", "text")],
      primaryKey: ["id"],
      foreignKeys: [{ columns: ["user_id"], refSchema: "shop", refTable: "customers", refColumns: ["id"] }],
    },
    {
      schema: "shop",
      name: "payments",
      columns: [col("id", "integer"), col("order_id", "integer"), col("method", "text")],
      primaryKey: ["id"],
      foreignKeys: [{ columns: ["order_id"], refSchema: "shop", refTable: "orders", refColumns: ["id"] }],
    },
  ],
};
const read = (prompt: string) => describePlan(planWithEnglish({ prompt, catalog, sampleValues: {} }));

describe("key columns named outright", () => {
  it("reads a foreign key written as its column name as that column", () => {
    expect(read("number of distinct methods per user_id")).toMatchObject({
      from: ["payments", "orders"],
      columns: ["user_id", "distinct_method=count_distinct(payments.method)"],
      group: ["orders.user_id"],
    });
  });

  it("does not read a bare id, which every table has", () => {
    expect(read("number of payments per id")).toMatchObject({ refused: "not_understood" });
  });
});

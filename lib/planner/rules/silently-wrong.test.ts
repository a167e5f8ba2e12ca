import { describe, expect, it } from "vitest";
import type { Catalog, CatalogColumn, CatalogTable } from "@/lib/catalog/types";
import { planWithRules } from "@/lib/planner/rules";
import { compileSql } from "@/lib/codegen/sql";
import { chinookCatalog } from "@/lib/testing/fixtures/chinook-catalog";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";
import { jaffleCatalog, jaffleSampleValues } from "@/lib/testing/fixtures/jaffle-catalog";

// Prompts that once planned "successfully" into the wrong table. Each must now plan right or be refused.
function sqlFor(prompt: string, catalog: Catalog, sampleValues?: Record<string, string[]>) {
  const r = planWithRules({ prompt, catalog, sampleValues, now: new Date("2025-06-15") });
  if (!r.ok) throw new Error(`rejected ${r.code}: ${r.message}`);
  return compileSql({ spec: r.spec, catalog });
}

const col = (name: string, dataType: string): CatalogColumn => ({ name, dataType, nullable: true });
const nwTable = (
  name: string,
  key: string,
  columns: CatalogColumn[],
  fks: [string, string, string][] = [],
): CatalogTable => ({
  schema: "public",
  name,
  columns: [col(key, "integer"), ...columns],
  primaryKey: [key],
  foreignKeys: fks.map(([column, refTable, refColumn]) => ({
    columns: [column],
    refSchema: "public",
    refTable,
    refColumns: [refColumn],
  })),
});
// Enough of Northwind to reach orders from suppliers through products and order lines.
const northwind: Catalog = {
  tables: [
    nwTable("suppliers", "supplier_id", [col("company_name", "text"), col("country", "text")]),
    nwTable(
      "products",
      "product_id",
      [
        col("product_name", "text"),
        col("supplier_id", "integer"),
        col("discontinued", "integer"),
        col("active", "boolean"),
      ],
      [["supplier_id", "suppliers", "supplier_id"]],
    ),
    nwTable("orders", "order_id", [col("order_date", "date"), col("ship_country", "text")]),
    nwTable(
      "order_details",
      "order_detail_id",
      [col("order_id", "integer"), col("product_id", "integer"), col("quantity", "integer")],
      [
        ["order_id", "orders", "order_id"],
        ["product_id", "products", "product_id"],
      ],
    ),
  ],
};
const northwindValues = { "orders.ship_country": ["USA", "Germany", "Brazil"] };

describe("prompts that used to give a wrong table", () => {
  it("does not read the preposition 'on' as the billing state ON", () => {
    const values = { "invoice.billing_state": ["ON", "CA", "SP"] };
    const sql = sqlFor(
      "for each genre, the total of unit price times quantity on invoice lines",
      chinookCatalog,
      values,
    );
    expect(sql).not.toContain("billing_state");
    expect(sqlFor("invoices where billing state is ON", chinookCatalog, values)).toContain(
      `"invoice"."billing_state" = 'ON'`,
    );
    expect(sqlFor("number of invoices with billing state on", chinookCatalog, values)).toContain(
      `"invoice"."billing_state" = 'ON'`,
    );
  });

  it("reads 'with a discount' on a number as above zero, and refuses 'without a discount'", () => {
    expect(sqlFor("order items with a discount", demoCatalog, demoSampleValues)).toContain(
      `WHERE "order_items"."discount" > 0`,
    );
    expect(
      planWithRules({ prompt: "order items without a discount", catalog: demoCatalog, sampleValues: demoSampleValues }),
    ).toMatchObject({ ok: false, code: "ambiguous", phrase: "without a discount" });
    expect(sqlFor("customers with a support rep", chinookCatalog)).toContain(`"customer"."support_rep_id" IS NOT NULL`);
  });

  it("groups 'per order' by the order key of a raw_-prefixed table, not its date", () => {
    const sql = sqlFor("total payment amount per order", jaffleCatalog, jaffleSampleValues);
    expect(sql).toContain('GROUP BY\n  "raw_orders"."id"');
    expect(sql).not.toContain("order_date");
  });

  it("refuses a grain word that only reads as a date column", () => {
    const log = nwTable("order_log", "id", [col("order_date", "date"), col("amount", "integer")]);
    const r = planWithRules({ prompt: "total amount per order", catalog: { tables: [log] } });
    expect(r).toMatchObject({ ok: false, code: "ambiguous", phrase: "order" });
  });

  it("reads 'raw_customers without orders' as an anti join over the declared foreign key", () => {
    const sql = sqlFor("raw_customers without orders", jaffleCatalog, jaffleSampleValues);
    expect(sql).toContain(
      'LEFT JOIN "public"."raw_orders" AS "raw_orders"\n  ON "raw_orders"."user_id" = "raw_customers"."id"',
    );
    expect(sql).toContain(`WHERE "raw_orders"."id" IS NULL`);
  });

  it("treats a flag named before its table as a filter: booleans read, integer codes refused", () => {
    expect(sqlFor("active products", northwind)).toContain(`WHERE "products"."active" = TRUE`);
    expect(planWithRules({ prompt: "discontinued products", catalog: northwind })).toMatchObject({
      ok: false,
      code: "ambiguous",
      phrase: "discontinued products",
    });
    expect(sqlFor("products where discontinued is 1", northwind)).toContain(`WHERE "products"."discontinued" = 1`);
  });

  it("filters a value on the named table's own column before reaching through joins", () => {
    const sql = sqlFor("suppliers in the USA", northwind, northwindValues);
    expect(sql).toContain(`WHERE "suppliers"."country" = 'USA'`);
    expect(sql).not.toContain("JOIN");
    // Without a country of its own, the named table still reaches the orders' one.
    expect(sqlFor("orders in the USA", northwind, northwindValues)).toContain(`"orders"."ship_country" = 'USA'`);
  });
});

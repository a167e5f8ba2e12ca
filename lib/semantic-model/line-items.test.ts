import { describe, expect, it } from "vitest";
import type { CatalogColumn, CatalogTable } from "@/lib/catalog/types";
import { buildSemanticModel } from "./build-model";

const col = (name: string, dataType = "integer"): CatalogColumn => ({ name, dataType, nullable: false });
const table = (name: string, columns: string[], foreignKeys: [string, string, string][] = []): CatalogTable => ({
  schema: "public",
  name,
  columns: columns.map((c) => col(c)),
  primaryKey: [columns[0]],
  foreignKeys: foreignKeys.map(([column, refTable, refColumn]) => ({ columns: [column], refSchema: "public", refTable, refColumns: [refColumn] })),
});
const namesOf = (tables: CatalogTable[], name: string) => {
  const entity = buildSemanticModel({ tables }).entities.find((e) => e.table === `public.${name}`)!;
  return { words: entity.words ?? [], synonyms: entity.synonyms ?? [] };
};

describe("tables of lines", () => {
  it("answer to 'line items' and '<parent> lines' whatever the table's own head noun and naming style", () => {
    const orders = table("orders", ["order_id"]);
    expect(namesOf([orders, table("order_details", ["id", "order_id", "quantity"], [["order_id", "orders", "order_id"]])], "order_details")).toEqual({
      words: ["order line", "order item", "line item", "order line item"],
      synonyms: ["line"],
    });
    const invoices = table("Invoice", ["InvoiceId"]);
    expect(namesOf([invoices, table("InvoiceLine", ["InvoiceLineId", "InvoiceId"], [["InvoiceId", "Invoice", "InvoiceId"]])], "InvoiceLine")).toMatchObject({
      words: expect.arrayContaining(["line item", "invoice item"]),
      synonyms: ["line"],
    });
    // A run of lowercase words, with the foreign key read from its name.
    expect(namesOf([table("orders", ["orderNumber"]), table("orderdetails", ["id", "orderNumber"])], "orderdetails").words).toContain("line item");
  });

  it("are called by their bare head only when it is a word for a line ('items', 'lines', never 'details')", () => {
    const orders = table("orders", ["order_id"]);
    expect(namesOf([orders, table("order_items", ["id", "order_id"], [["order_id", "orders", "order_id"]])], "order_items").synonyms).toEqual(["line", "item"]);
    expect(namesOf([orders, table("order_details", ["id", "order_id"], [["order_id", "orders", "order_id"]])], "order_details").synonyms).not.toContain("detail");
  });

  it("are only tables that point at the parent their name says", () => {
    // Product lines are a category of products: products point at them, not the other way.
    const lines = table("product_lines", ["product_line_id"]);
    const products = table("products", ["product_id", "product_line_id"], [["product_line_id", "product_lines", "product_line_id"]]);
    expect(namesOf([lines, products], "product_lines")).toEqual({ words: [], synonyms: [] });
    // Lines of something other than their modifier say nothing of line items.
    const orders = table("orders", ["order_id"]);
    expect(namesOf([orders, table("shipment_items", ["id", "order_id"], [["order_id", "orders", "order_id"]])], "shipment_items")).toEqual({ words: [], synonyms: [] });
  });
});

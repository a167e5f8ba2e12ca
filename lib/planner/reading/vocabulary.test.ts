import { describe, expect, it } from "vitest";
import type { Catalog, CatalogColumn, CatalogTable } from "@/lib/catalog/types";
import { annotate, chunk } from "@/lib/planner/english";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { ground } from "./ground";
import { planWithEnglish } from "./index";
import { buildLexicon } from "./lexicon";
import { modelOfInput } from "./model-of-input";

const col = (name: string, dataType = "integer"): CatalogColumn => ({ name, dataType, nullable: false });
const table = (name: string, columns: CatalogColumn[], foreignKeys: [string, string, string][] = []): CatalogTable => ({
  schema: "public",
  name,
  columns,
  primaryKey: [columns[0].name],
  foreignKeys: foreignKeys.map(([column, refTable, refColumn]) => ({
    columns: [column],
    refSchema: "public",
    refTable,
    refColumns: [refColumn],
  })),
});

// A shop written in snake_case, and a music store written in PascalCase.
const shop: Catalog = {
  tables: [
    table("customers", [
      col("customer_id"),
      col("first_name", "text"),
      col("country", "text"),
      col("signup_date", "date"),
    ]),
    table(
      "orders",
      [col("order_id"), col("customer_id"), col("order_date", "date")],
      [["customer_id", "customers", "customer_id"]],
    ),
    table(
      "order_items",
      [col("order_item_id"), col("order_id"), col("product_id"), col("quantity"), col("unit_price", "numeric(10,2)")],
      [
        ["order_id", "orders", "order_id"],
        ["product_id", "products", "product_id"],
      ],
    ),
    table("products", [
      col("product_id"),
      col("name", "text"),
      col("unit_price", "numeric(10,2)"),
      col("units_in_stock"),
      col("weight_grams"),
    ]),
    table(
      "payments",
      [col("payment_id"), col("order_id"), col("payment_method", "text"), col("amount_cents")],
      [["order_id", "orders", "order_id"]],
    ),
  ],
};
const shopValues = {
  "customers.country": ["Germany", "Italy", "USA"],
  "customers.first_name": ["Ann", "Us"],
  "payments.payment_method": ["bank_transfer", "coupon", "gift_card"],
};
const music: Catalog = {
  tables: [
    table("Invoice", [col("InvoiceId"), col("BillingCountry", "text"), col("Total", "numeric(10,2)")]),
    table(
      "InvoiceLine",
      [col("InvoiceLineId"), col("InvoiceId"), col("TrackId"), col("Quantity")],
      [
        ["InvoiceId", "Invoice", "InvoiceId"],
        ["TrackId", "Track", "TrackId"],
      ],
    ),
    table("Track", [col("TrackId"), col("Name", "text"), col("Milliseconds"), col("Bytes")]),
  ],
};
const musicValues = { "Invoice.BillingCountry": ["Canada", "USA"] };

const plan = (prompt: string, catalog = shop) =>
  planWithEnglish({ prompt, catalog, sampleValues: catalog === shop ? shopValues : musicValues });
const built = (prompt: string, catalog = shop): EtlSpec => {
  const result = plan(prompt, catalog);
  if (!result.ok) throw new Error(`${prompt}: ${result.message}`);
  return result.spec;
};
const filtersOf = (spec: EtlSpec) =>
  spec.filters.map((f) =>
    `${"column" in f ? `${f.column.source}.${f.column.column}` : f.source} ${f.op} ${"value" in f ? f.value : ""}`.trim(),
  );
const aggregatesOf = (spec: EtlSpec) =>
  spec.columns.flatMap((c) =>
    c.expr.kind === "aggregate"
      ? [
          `${c.expr.fn}(${c.expr.arg.kind === "column" ? `${c.expr.arg.column.source}.${c.expr.arg.column.column}` : c.expr.arg.kind === "expression" ? c.expr.arg.sql : "*"})`,
        ]
      : [],
  );

describe("words the catalog implies", () => {
  it("reads the lines of an order or invoice as 'line items', '<parent> lines' and 'lines'", () => {
    expect(built("number of line items per order").sources[0].table).toBe("order_items");
    expect(built("count of order lines").sources.map((s) => s.table)).toEqual(["order_items"]);
    expect(built("number of invoice lines per invoice", music).sources[0].table).toBe("InvoiceLine");
    // A run of lowercase words, its foreign key read from the column's name.
    const runTogether: Catalog = {
      tables: [
        table("orders", [col("orderNumber")]),
        table("orderdetails", [col("id"), col("orderNumber"), col("quantityOrdered")]),
      ],
    };
    const lines = planWithEnglish({ prompt: "number of line items per order", catalog: runTogether });
    expect(lines.ok && lines.spec.sources[0].table).toBe("orderdetails");
  });

  it("reads the short forms and joined words that column names use", () => {
    expect(aggregatesOf(built("qty per product"))).toEqual(["sum(order_items.quantity)"]);
    expect(aggregatesOf(built("units in stock per product"))).toEqual(["sum(products.units_in_stock)"]);
    const tokens = annotate("customers by signup date");
    const terminals = ground(tokens, chunk(tokens), buildLexicon(modelOfInput({ catalog: shop })), new Set()).terminals;
    expect(terminals.some((t) => t.cat === "TDIM" && t.start === 2)).toBe(true);
  });

  it("reads stored codes written as words, and countries by their adjective or short form", () => {
    expect(filtersOf(built("bank transfer payments"))).toEqual(["payments.payment_method = bank_transfer"]);
    expect(filtersOf(built("gift card payments"))).toEqual(["payments.payment_method = gift_card"]);
    expect(filtersOf(built("German customers"))).toEqual(["customers.country = Germany"]);
    expect(filtersOf(built("US invoices", music))).toEqual(["invoice.BillingCountry = USA"]);
  });

  it("never reads a table's name as a stored value that matches only by its words", () => {
    const kinds: Catalog = {
      tables: [
        table("orders", [col("order_id"), col("kind", "text")]),
        table("payments", [col("payment_id"), col("order_id")], [["order_id", "orders", "order_id"]]),
      ],
    };
    const plan = (prompt: string) =>
      planWithEnglish({ prompt, catalog: kinds, sampleValues: { "orders.kind": ["order", "return"] } });
    const filters = (prompt: string) => {
      const result = plan(prompt);
      return result.ok
        ? result.spec.filters.map((f) => `${"column" in f ? f.column.column : f.op} = ${"value" in f ? f.value : ""}`)
        : result.code;
    };
    expect(filters("returns payments")).toEqual(["kind = return"]);
    expect(filters("orders payments")).not.toEqual(["kind = order"]);
  });

  it("still refuses a word nothing in the catalog names", () => {
    expect(plan("songs with length in minutes", music)).toMatchObject({ ok: false, phrase: "songs" });
  });
});

describe("units", () => {
  it("shows a measure in the unit the request names, by exact division", () => {
    const spec = built("tracks with length in minutes", music);
    expect(spec.columns.map((c) => (c.expr.kind === "expression" ? c.expr.sql : c.name))).toContain(
      '"track"."Milliseconds" / 60000.0',
    );
    expect(aggregatesOf(built("average track length in seconds", music))).toEqual([
      'avg("track"."Milliseconds" / 1000.0)',
    ]);
  });

  it("refuses a unit the column does not convert to", () => {
    expect(plan("tracks with length in kg", music).ok).toBe(false);
  });

  it("compares in the column's own unit: 7 minutes are 420000 ms, 4 kg are 4000 g, 10 dollars 1000 cents", () => {
    expect(filtersOf(built("tracks longer than 7 minutes", music))).toEqual(["track.Milliseconds > 420000"]);
    expect(filtersOf(built("products heavier than 4 kg"))).toEqual(["products.weight_grams > 4000"]);
    expect(filtersOf(built("payments over 10 dollars"))).toEqual(["payments.amount_cents > 1000"]);
  });

  it("reads a unit symbol only after a number or 'in', so that 'min' alone is still the aggregate", () => {
    const model = modelOfInput({ catalog: music, sampleValues: musicValues });
    const units = (prompt: string) => {
      const tokens = annotate(prompt);
      return ground(tokens, chunk(tokens), buildLexicon(model), new Set())
        .terminals.filter((t) => t.cat === "UNIT")
        .map((t) => (t.value.k === "word" ? t.value.word : ""));
    };
    expect(units("tracks longer than 7 min")).toEqual(["min"]);
    expect(units("min length per album")).toEqual([]);
    expect(units("total size in MB")).toEqual(["mb"]);
  });
});

describe("adjectives of a measurable property", () => {
  const ranking = (spec: EtlSpec) => [
    ...spec.orderBy.map((o) => `${o.output} ${o.direction}`),
    `limit ${spec.limit?.count}`,
  ];

  it("rank the listed rows by the column that has the property", () => {
    expect(ranking(built("the 3 heaviest products"))).toEqual(["weight_grams desc", "limit 3"]);
    expect(ranking(built("5 cheapest products"))).toEqual(["unit_price asc", "limit 5"]);
    expect(ranking(built("the 2 most recent orders"))).toEqual(["order_date desc", "limit 2"]);
    expect(ranking(built("the longest track", music))).toEqual(["milliseconds desc", "limit 1"]);
  });

  it("compare by the column that has the property", () => {
    expect(filtersOf(built("products more expensive than 50"))).toEqual(["products.unit_price > 50"]);
    expect(filtersOf(built("products less expensive than 50"))).toEqual(["products.unit_price < 50"]);
    expect(filtersOf(built("products lighter than 2 kg"))).toEqual(["products.weight_grams < 2000"]);
  });

  it("refuse when the listed rows have no such column, instead of using another measure", () => {
    expect(plan("orders heavier than 50")).toMatchObject({ ok: false, phrase: "heavier" });
    expect(plan("the 3 longest products").ok).toBe(false);
  });
});

describe("words that say nothing about the table", () => {
  it("reads plural aggregate nouns, a name given to a column, and leaves out fillers", () => {
    expect(aggregatesOf(built("order counts per customer"))).toEqual(["count(*)"]);
    expect(built("qty per product, call it units_sold").columns.map((c) => c.name)).toContain("units_sold");
    expect(aggregatesOf(built("give me a table with the qty per product please"))).toEqual([
      "sum(order_items.quantity)",
    ]);
  });

  it("reads plural 'units' as the quantity, but never 'a unit' or 'per unit'", () => {
    expect(aggregatesOf(built("units sold per product"))).toEqual(["sum(order_items.quantity)"]);
    expect(plan("average price per unit")).toMatchObject({ ok: false, phrase: "unit" });
  });
});

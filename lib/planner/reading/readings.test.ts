import { describe, expect, it } from "vitest";
import type { Catalog, CatalogColumn, CatalogTable } from "@/lib/catalog/types";
import { compileSql } from "@/lib/codegen/sql";
import { chinookCatalog } from "@/lib/testing/fixtures/chinook-catalog";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";
import { jaffleCatalog, jaffleSampleValues } from "@/lib/testing/fixtures/jaffle-catalog";
import { planWithEnglish } from "./index";

// Requests whose first readings built the wrong table, or nothing, each with the table it must
// build now or the refusal it must give: the words decide, never the order tables were found in.

const NOW = new Date("2025-06-15");
function sqlFor(prompt: string, catalog: Catalog = demoCatalog, sampleValues = demoSampleValues) {
  const r = planWithEnglish({ prompt, catalog, sampleValues, now: NOW });
  if (!r.ok) throw new Error(`refused ${r.code}: ${r.message}`);
  return compileSql({ spec: r.spec, catalog });
}
const refusal = (prompt: string, catalog: Catalog = demoCatalog, sampleValues = demoSampleValues) =>
  planWithEnglish({ prompt, catalog, sampleValues, now: NOW });

describe("which rows a period dates", () => {
  it("dates the listed customers when the verb names their date, and their orders otherwise", () => {
    const sql = sqlFor("customers who signed up in 2023 with more than 20 orders");
    expect(sql).toContain(`WHERE "customers"."signup_date" >= DATE '2023-01-01'`);
    expect(sql).not.toContain("order_date");
    expect(sql).toContain("HAVING count(*) > 20");
    expect(sqlFor("number of orders per customer in 2024")).toContain(
      `WHERE "orders"."order_date" >= DATE '2024-01-01'`,
    );
  });

  it("never dates the customers by a verb that is the noun of other rows", () => {
    expect(refusal("customers who ordered in 2024")).toMatchObject({ ok: false });
    expect(sqlFor("orders placed in 2024")).toContain(`WHERE "orders"."order_date" >= DATE '2024-01-01'`);
  });
});

describe("conditions on the rows each kept row adds up", () => {
  it("counts only the matching rows and keeps every customer, with 0 for none", () => {
    const sql = sqlFor("all customers with their number of orders in 2024");
    expect(sql).toContain(`LEFT JOIN "public"."orders"`);
    expect(sql).toContain(`count("orders"."order_id") FILTER (WHERE "orders"."order_date" >= DATE '2024-01-01'`);
    expect(sql).not.toMatch(/^WHERE/m);
  });

  it("reads 'for shipped orders' as the rows that count", () => {
    expect(sqlFor("total order amount per customer for shipped orders")).toContain(
      `WHERE "orders"."status" = 'shipped'`,
    );
    expect(sqlFor("all customers with their total order amount for shipped orders")).toContain(
      `COALESCE(sum("orders"."amount") FILTER (WHERE "orders"."status" = 'shipped'), 0)`,
    );
  });
});

describe("'with a' states a condition, 'with their' asks for a column", () => {
  it("reads 'with a company' as a company being there", () => {
    expect(sqlFor("customers with a company", chinookCatalog, {})).toContain(`WHERE "customer"."company" IS NOT NULL`);
    expect(sqlFor("customers with a support rep", chinookCatalog, {})).toContain(
      `WHERE "customer"."support_rep_id" IS NOT NULL`,
    );
    const shown = sqlFor("customers with their company", chinookCatalog, {});
    expect(shown).toContain(`"customer"."company" AS "company"`);
    expect(shown).not.toContain("WHERE");
  });

  it("shows an amount after 'with their', and keeps every row; after a bare 'with' it may be a condition", () => {
    const shown = sqlFor("products with their name and unit price");
    expect(shown).toContain(`"products"."unit_price" AS "unit_price"`);
    expect(shown).toContain(`"products"."name" AS "name"`);
    expect(shown).not.toContain("WHERE");
    expect(sqlFor("order items with discount")).toMatch(/WHERE "order_items"\."discount" > 0/);
  });
});

describe("values written after their column", () => {
  it("takes a value the index does not hold as written, after the column it belongs to", () => {
    expect(sqlFor("customers where country is Brazil or Germany")).toContain(
      `WHERE "customers"."country" IN ('Brazil', 'Germany')`,
    );
    expect(sqlFor(`customers whose city is "Sao Paulo"`, chinookCatalog, {})).toContain(
      `WHERE "customer"."city" = 'Sao Paulo'`,
    );
    expect(sqlFor("orders where status in ('shipped','returned')")).toContain(
      `WHERE "orders"."status" IN ('shipped', 'returned')`,
    );
  });

  it("reads a stored value right after its column's name", () => {
    expect(sqlFor("number of orders per customer with status shipped")).toContain(
      `WHERE "orders"."status" = 'shipped'`,
    );
    expect(sqlFor("customers with country Germany")).toContain(`WHERE "customers"."country" = 'Germany'`);
  });

  it("reads 'is' and '=' before a stored value as equality", () => {
    expect(sqlFor("orders where status is shipped")).toContain(`WHERE "orders"."status" = 'shipped'`);
    expect(sqlFor("orders where status = 'returned'")).toContain(`WHERE "orders"."status" = 'returned'`);
  });

  it("never takes a written value a fully indexed column does not hold", () => {
    expect(refusal("orders where status is Lost")).toMatchObject({ ok: false });
  });
});

describe("a value found only on rows the request does not name", () => {
  const col = (name: string, dataType: string): CatalogColumn => ({ name, dataType, nullable: true });
  const table = (name: string, columns: CatalogColumn[], fks: [string, string][] = []): CatalogTable => ({
    schema: "public",
    name,
    columns: [col(`${name.replace(/s$/, "")}_id`, "integer"), ...columns],
    primaryKey: [`${name.replace(/s$/, "")}_id`],
    foreignKeys: fks.map(([column, refTable]) => ({
      columns: [column],
      refSchema: "public",
      refTable,
      refColumns: [column],
    })),
  });
  const shop: Catalog = {
    tables: [
      table("suppliers", [col("company_name", "text"), col("country", "text")]),
      table("products", [col("product_name", "text"), col("supplier_id", "integer")], [["supplier_id", "suppliers"]]),
      table("orders", [col("order_date", "date"), col("ship_country", "text")]),
      table(
        "order_lines",
        [col("order_id", "integer"), col("product_id", "integer")],
        [
          ["order_id", "orders"],
          ["product_id", "products"],
        ],
      ),
    ],
  };

  it("does not filter suppliers by where their products shipped when their own country was not indexed", () => {
    const r = refusal("suppliers in the USA", shop, { "orders.ship_country": ["USA", "Germany"] });
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message).toContain("country");
  });
});

describe("tables DataMorph published", () => {
  const published = {
    ...demoCatalog,
    tables: [
      ...demoCatalog.tables,
      {
        schema: "public",
        name: "customer_order_totals",
        columns: [
          { name: "customer_id", dataType: "integer", nullable: false },
          { name: "total_order_amount", dataType: "numeric(12,2)", nullable: false },
        ],
        primaryKey: ["customer_id"],
        foreignKeys: [],
      },
    ],
  };
  const plan = (prompt: string) =>
    planWithEnglish({
      prompt,
      catalog: published,
      sampleValues: demoSampleValues,
      derivedTables: ["public.customer_order_totals"],
    });

  it("reads the sources, not a published table, unless the request names it", () => {
    const seed = plan("Join customers and orders on customer_id, calculate total order amount per customer");
    expect(seed.ok && seed.spec.sources.map((s) => s.table).sort()).toEqual(["customers", "orders"]);
    const named = plan("customer_order_totals with total_order_amount over 20000");
    expect(named.ok && named.spec.sources.map((s) => s.table)).toEqual(["customer_order_totals"]);
    expect(named.ok && named.spec.filters).toEqual([
      expect.objectContaining({ op: ">", column: { source: "customer_order_totals", column: "total_order_amount" } }),
    ]);
  });
});

describe("columns named with their table", () => {
  it("reads `table.column` as that table's column, and no other", () => {
    expect(sqlFor("sum of orders.amount per customer")).toContain(`sum("orders"."amount") AS "total_order_amount"`);
    const byCountry = sqlFor("total payments.amount per customers.country");
    expect(byCountry).toContain(`sum("payments"."amount")`);
    expect(byCountry).toContain(`GROUP BY\n  "customers"."country"`);
    expect(refusal("sum of orders.weight per customer")).toMatchObject({ ok: false });
  });
});

describe("a join written as an equality", () => {
  it("reads `a.key = b.key` as the join on that key", () => {
    const sql = sqlFor("orders.customer_id = customers.customer_id, total order amount per customer");
    expect(sql).toContain(
      `INNER JOIN "public"."customers" AS "customers"\n  ON "customers"."customer_id" = "orders"."customer_id"`,
    );
    expect(sql).toContain(`sum("orders"."amount") AS "total_order_amount"`);
  });
});

describe("a unit written apart from its measure", () => {
  it("converts every money measure of the request, and reads no unit that none converts to", () => {
    const sql = sqlFor("total amount per customer in dollars", jaffleCatalog, jaffleSampleValues);
    expect(sql).toContain(`sum(CAST("raw_payments"."amount" AS numeric) / 100) AS "total_amount_dollars"`);
    expect(refusal("number of orders per customer in dollars", jaffleCatalog, jaffleSampleValues)).toMatchObject({
      ok: false,
    });
  });

  it("reads the unit a measure is said to be kept in, and a verb that converts it, and names the converted column", () => {
    const listed = sqlFor(
      "payments with the amount in dollars instead of cents, as amount_usd",
      jaffleCatalog,
      jaffleSampleValues,
    );
    expect(listed).toContain(`CAST("raw_payments"."amount" AS numeric) / 100 AS "amount_usd"`);
    // A kept unit that is not the measure's own is no reading of it.
    expect(
      refusal("payments with the amount in dollars instead of grams", jaffleCatalog, jaffleSampleValues),
    ).toMatchObject({ ok: false });
    expect(sqlFor("total amount per payment method converted to dollars", jaffleCatalog, jaffleSampleValues)).toContain(
      `sum(CAST("raw_payments"."amount" AS numeric) / 100) AS "total_amount_dollars"`,
    );
  });

  it("asks whether an entity's measure in the plural is one total or the value on each row", () => {
    const asked = refusal("payment amounts in dollars", jaffleCatalog, jaffleSampleValues);
    expect(asked).toMatchObject({ ok: false, code: "ambiguous" });
    // Each payment with its amount first, as a plural says; then the one total; then "rephrase".
    expect(asked.ok ? [] : asked.questions?.[0].choices.map((c) => c.reading)).toEqual([
      expect.stringContaining("raw_payments.id, amount_dollars"),
      expect.stringMatching(/^total /),
      expect.stringContaining("describe the table again"),
    ]);
    // With groups, only the total reads.
    expect(sqlFor("payment amounts per payment method", jaffleCatalog, jaffleSampleValues)).toContain(
      `sum("raw_payments"."amount")`,
    );
  });

  it("reads a threshold in the unit it is written in, on rows and on totals alike", () => {
    expect(sqlFor("payments over $20", jaffleCatalog, jaffleSampleValues)).toContain(
      `WHERE "raw_payments"."amount" > 2000`,
    );
    expect(sqlFor("customers whose total amount is more than 50 dollars", jaffleCatalog, jaffleSampleValues)).toContain(
      `HAVING sum("raw_payments"."amount") > 5000`,
    );
    expect(sqlFor("orders with amount over $500")).toContain(`WHERE "orders"."amount" > 500`);
    const cents = planWithEnglish({
      prompt: "payments over $20",
      catalog: jaffleCatalog,
      sampleValues: jaffleSampleValues,
    });
    expect(cents.ok && cents.notes).toContain('amount is kept in cents: "over $20" compares it with 2000');
    expect(refusal("customers with more than $5 orders")).toMatchObject({ ok: false });
  });
});

describe("rows left out", () => {
  it("leaves out the values after excluding, except and leaving out, never keeping only them", () => {
    expect(sqlFor("payments excluding coupons", jaffleCatalog, jaffleSampleValues)).toContain(
      `WHERE "raw_payments"."payment_method" <> 'coupon'`,
    );
    expect(sqlFor("average payment per method, leaving out coupons", jaffleCatalog, jaffleSampleValues)).toContain(
      `WHERE "raw_payments"."payment_method" <> 'coupon'`,
    );
    expect(sqlFor("number of orders per status, except returned orders", jaffleCatalog, jaffleSampleValues)).toContain(
      `WHERE "raw_orders"."status" <> 'returned'`,
    );
  });
});

describe("text found in a column", () => {
  it("matches the start, the end or any part of the column named, without regard to case", () => {
    expect(sqlFor("customers whose first name starts with J")).toContain(`WHERE "customers"."first_name" ILIKE 'J%'`);
    expect(sqlFor("customers whose last name ends with 'son'", chinookCatalog, {})).toContain(
      `WHERE "customer"."last_name" ILIKE '%son'`,
    );
    expect(sqlFor("products with lamp in the name")).toContain(`WHERE "products"."name" ILIKE '%lamp%'`);
    expect(sqlFor("customers with '100%_' anywhere in the email")).toContain(
      `WHERE "customers"."email" ILIKE E'%100\\\\%\\\\_%'`,
    );
  });

  it("finds text in the rows' one label when no column is named, and refuses rows labelled by several", () => {
    expect(sqlFor("artists starting with 'The'", chinookCatalog, {})).toContain(`WHERE "artist"."name" ILIKE 'The%'`);
    expect(refusal("customers starting with 'A'")).toMatchObject({ ok: false });
  });

  it("never finds text in a column that is not text", () => {
    expect(refusal("orders whose amount starts with 9")).toMatchObject({ ok: false });
  });
});

describe("a value written beside a stored one", () => {
  const cities = { ...demoSampleValues, "customers.city": ["Berlin", "Lisbon", "Madrid"] };
  it("is another value of the same column, and the plan says when no row holds it", () => {
    const r = planWithEnglish({
      prompt: "customers living in Lisbon or Porto",
      catalog: demoCatalog,
      sampleValues: cities,
    });
    expect(r.ok && compileSql({ spec: r.spec, catalog: demoCatalog })).toContain(
      `WHERE "customers"."city" IN ('Lisbon', 'Porto')`,
    );
    expect(r.ok && r.notes).toContain("no customer has city “Porto” yet: that value matches no rows");
  });
});

describe("restrictions and measures written the short way", () => {
  it("reads rows named after the request with a closing only as the rows it is restricted to", () => {
    expect(sqlFor("total amount per order in $, completed orders only", jaffleCatalog, jaffleSampleValues)).toContain(
      `WHERE "raw_orders"."status" = 'completed'`,
    );
    expect(sqlFor("shipped orders only")).toContain(`WHERE "orders"."status" = 'shipped'`);
  });

  it("reads the total of a verb of a table's rows as what those rows are worth", () => {
    expect(sqlFor("total paid per order", jaffleCatalog, jaffleSampleValues)).toContain(`sum("raw_payments"."amount")`);
    expect(sqlFor("total invoiced per customer", chinookCatalog, {})).toContain(`sum("invoice"."total")`);
  });
});

describe("a grain in the possessive", () => {
  it("reads each customer's measure as the measure per customer", () => {
    expect(sqlFor("each customer's first order date", jaffleCatalog, jaffleSampleValues)).toMatch(
      /min\("raw_orders"\."order_date"\)[\s\S]*GROUP BY\s+"raw_customers"\."id"/,
    );
  });
});

describe("a value before its column, and a worth after of", () => {
  it("reads consumer-segment orders of at least 1000 as the consumers' orders worth that much", () => {
    const sql = sqlFor("consumer-segment orders of at least 1000 that weren't returned");
    expect(sql).toContain(`WHERE "customers"."segment" = 'consumer'`);
    expect(sql).toContain(`AND "orders"."amount" >= 1000`);
    expect(sql).toContain(`AND "orders"."status" <> 'returned'`);
  });
});

describe("a verb of price", () => {
  it("compares the listed rows' price after for, and never the price of rows added up", () => {
    expect(sqlFor("products that sell for more than 300")).toContain(`WHERE "products"."unit_price" > 300`);
    expect(refusal("units sold per product that list for more than 300")).toMatchObject({ ok: false });
  });
});

describe("a value named through a relationship's verb", () => {
  const staff = {
    "employee.first_name": ["Andrew", "Nancy", "Jane", "Steve"],
    "employee.last_name": ["Adams", "Edwards", "Peacock", "Johnson"],
  };
  const chinookSql = (prompt: string) => sqlFor(prompt, chinookCatalog, staff);

  it("reads the row at the other end, even in the same table, and a first and last name as one row", () => {
    const sql = chinookSql("employees reporting to Nancy Edwards");
    expect(sql).toContain(`"related_employee"."employee_id" = "employee"."reports_to"`);
    expect(sql).toContain(`AND "related_employee"."first_name" = 'Nancy'`);
    expect(sql).toContain(`AND "related_employee"."last_name" = 'Edwards'`);
    expect(sql).not.toContain(`"employee"."last_name" = 'Edwards'`);
    expect(chinookSql("who reports to Nancy Edwards?")).toContain(`AND "related_employee"."last_name" = 'Edwards'`);
    expect(refusal("who is Nancy?", chinookCatalog, staff)).toMatchObject({ ok: false });
    expect(chinookSql("customers supported by Jane Peacock")).toContain(
      `"related_employee"."employee_id" = "customer"."support_rep_id"`,
    );
  });
});

describe("a row named by its label, every row, and a column after a comma", () => {
  const genres = { "genre.name": ["Rock", "Jazz", "Classical"] };
  it("reads the album 'X' as the album titled X, every track as the tracks listed, a unit column as shown", () => {
    const sql = sqlFor(
      "every track on the album 'Let There Be Rock' with its length in minutes",
      chinookCatalog,
      genres,
    );
    expect(sql).toContain(`WHERE "album"."title" = 'Let There Be Rock'`);
    expect(sql).toContain(`CAST("track"."milliseconds" AS numeric) / 60000 AS "milliseconds_minutes"`);
    const longest = sqlFor("the 3 longest Classical tracks, length in minutes", chinookCatalog, genres);
    expect(longest).toContain(`AS "milliseconds_minutes"`);
    expect(longest).toContain(`ORDER BY "milliseconds" DESC`);
    expect(longest).toContain("LIMIT 3");
  });
});

describe("several aggregates of each listed row", () => {
  it("keeps every customer with each of the aggregates joined by and", () => {
    const sql = sqlFor("all customers with their number of orders and total order amount");
    expect(sql).toContain(`count("orders"."order_id") AS "order_count"`);
    expect(sql).toContain(`COALESCE(sum("orders"."amount"), 0) AS "total_order_amount"`);
    expect(sql).toContain(`LEFT JOIN "public"."orders"`);
  });
});

describe("a restriction opened by only", () => {
  it("restricts the request to the rows named and their own values", () => {
    const sql = sqlFor("number of invoices per customer, only customers from Canada", chinookCatalog, {
      "customer.country": ["Canada", "USA"],
    });
    expect(sql).toContain(`WHERE "customer"."country" = 'Canada'`);
  });
});

describe("what rows are worth, said with a verb", () => {
  it("adds up what a customer spent only when the request says in total", () => {
    expect(sqlFor("customers who've spent more than $50 in total", jaffleCatalog, jaffleSampleValues)).toContain(
      `HAVING sum("raw_payments"."amount") > 5000`,
    );
    expect(
      sqlFor("top 3 customers by total paid in dollars, with first and last name", jaffleCatalog, jaffleSampleValues),
    ).toContain(`sum(CAST("raw_payments"."amount" AS numeric) / 100) AS "total_amount_dollars"`);
  });
});

describe("where the rows are kept", () => {
  it('reads "on file" and "in the catalog" at the end of a clause as adding nothing', () => {
    expect(sqlFor("customers with no email on file")).toBe(sqlFor("customers with no email"));
    expect(sqlFor("artists with no albums in the catalog", chinookCatalog, {})).toBe(
      sqlFor("artists with no albums", chinookCatalog, {}),
    );
  });

  it("reads a store noun the warehouse has as its own, never as nothing", () => {
    const files: CatalogTable = {
      schema: "public",
      name: "file",
      columns: [
        { name: "file_id", dataType: "integer", nullable: false } as CatalogColumn,
        { name: "customer_id", dataType: "integer", nullable: false } as CatalogColumn,
      ],
      primaryKey: ["file_id"],
      foreignKeys: [
        { columns: ["customer_id"], refSchema: "public", refTable: "customers", refColumns: ["customer_id"] },
      ],
    } as CatalogTable;
    const catalog: Catalog = { ...demoCatalog, tables: [...demoCatalog.tables, files] };
    const read = refusal("customers with no email on file", catalog);
    expect(read.ok ? compileSql({ spec: read.spec, catalog }) : "refused").not.toBe(sqlFor("customers with no email"));
  });
});

describe("instructions to change the data", () => {
  it("refuses as unsafe a verb done to every row that gives them a new value", () => {
    for (const prompt of [
      "raise all product prices by 10%",
      "mark every 'pending' order as shipped",
      "please set each order's status to shipped",
      "bump every customer's lifetime value by 500",
    ])
      expect(refusal(prompt), prompt).toMatchObject({
        ok: false,
        code: "unsafe",
        message: expect.stringContaining("asks to change the stored data"),
      });
  });

  it("never takes a request for rows, or a verb of their own, for a change", () => {
    expect(refusal("show all shipped orders")).toMatchObject({ ok: true });
    expect(refusal("export every order shipped to Germany")).not.toMatchObject({ code: "unsafe" });
    expect(refusal("count all orders by 10")).not.toMatchObject({ code: "unsafe" });
  });
});

describe("amounts, text and asides around the listed rows", () => {
  it("reads a quantity before a measure of the listed rows after 'with' as a comparison on it", () => {
    expect(sqlFor("order items with more than 2 quantity")).toContain(`WHERE "order_items"."quantity" > 2`);
    // An amount of other rows says nothing of how each listed row is compared: it is not guessed.
    expect(refusal("orders with more than 2 quantity")).toMatchObject({ ok: false });
  });

  it("finds a stored value written before 'in the <column>' anywhere in that column", () => {
    expect(sqlFor("products with books in the name")).toContain(`WHERE "products"."name" ILIKE '%books%'`);
  });

  it("reads an attribute in brackets or after a comma as a column to show", () => {
    const sql = sqlFor("bottom 3 products by units sold (product name)");
    expect(sql).toContain(`"products"."name" AS "name"`);
    expect(sql).toContain("LIMIT 3");
  });

  it("reads an opening 'anything' as the rows of the table whose column the request names", () => {
    const garden = sqlFor("anything with garden in the category");
    expect(garden).toContain(`FROM "public"."products" AS "products"`);
    expect(garden).toContain(`WHERE "products"."category" ILIKE '%garden%'`);
    const shipped = sqlFor("anything shipped in 2024");
    expect(shipped).toContain(`FROM "public"."orders" AS "orders"`);
    expect(shipped).toContain(`WHERE "orders"."shipped_at" >= DATE '2024-01-01'`);
    // A person is the one who did what the rest names, never the rows it names: not guessed.
    for (const prompt of [
      "anyone who placed an order in 2024",
      "anyone who bought books",
      "everyone who paid by coupon",
    ])
      expect(refusal(prompt), prompt).toMatchObject({ ok: false });
  });
});

// A small trading warehouse: orders of customers, shipped by shippers, in order lines.
function tradeCatalog(): Catalog {
  const col = (name: string, dataType: string): CatalogColumn => ({ name, dataType, nullable: true });
  const table = (name: string, key: string, columns: CatalogColumn[], fks: [string, string, string][] = []) => ({
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
  return {
    tables: [
      table("shippers", "shipper_id", [col("company_name", "text")]),
      table("customers", "customer_id", [col("company_name", "text"), col("country", "text")]),
      table(
        "orders",
        "order_id",
        [
          col("customer_id", "integer"),
          col("ship_via", "integer"),
          col("freight", "numeric"),
          col("ship_country", "text"),
        ],
        [
          ["customer_id", "customers", "customer_id"],
          ["ship_via", "shippers", "shipper_id"],
        ],
      ),
      table(
        "order_lines",
        "order_line_id",
        [col("order_id", "integer"), col("discount", "numeric")],
        [["order_id", "orders", "order_id"]],
      ),
    ],
  };
}
const trade = tradeCatalog();
const tradeValues = {
  "shippers.company_name": ["Speedy Express", "United Package"],
  "customers.country": ["Germany", "Norway"],
  "orders.ship_country": ["Germany", "Norway"],
};

describe("a relationship's verb said of the rows' parent", () => {
  it("reads 'order lines shipped with Speedy Express' through the order that names the shipper", () => {
    const sql = sqlFor("average discount on order lines shipped with Speedy Express", trade, tradeValues);
    expect(sql).toContain(`avg("order_lines"."discount")`);
    expect(sql).toContain(`"related_orders"."order_id" = "order_lines"."order_id"`);
    expect(sql).toContain(`"related_shippers"."company_name" = 'Speedy Express'`);
  });
});

describe("a value after a noun qualifies that noun", () => {
  it("reads 'orders from customers in Germany' on the customers' country, not where the orders went", () => {
    const sql = sqlFor("total freight of orders from customers in Germany", trade, tradeValues);
    expect(sql).toContain(`WHERE "customers"."country" = 'Germany'`);
    expect(sql).not.toContain("ship_country");
  });

  it("reads 'orders in Germany' on the orders' own column", () => {
    const sql = sqlFor("total freight of orders in Germany", trade, tradeValues);
    expect(sql).toContain(`WHERE "orders"."ship_country" = 'Germany'`);
    expect(sql).not.toContain(`"customers"`);
  });
});

describe("an emphatic 'single'", () => {
  it("adds nothing after a superlative, and is never guessed elsewhere", () => {
    expect(sqlFor("customers whose largest single order is above 1500")).toContain(
      `HAVING max("orders"."amount") > 1500`,
    );
    // "a single order" may mean exactly one: not read as any number.
    expect(refusal("customers with a single order")).toMatchObject({ ok: false });
  });
});

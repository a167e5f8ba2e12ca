import { describe, expect, it } from "vitest";
import type { Catalog } from "@/lib/catalog/types";
import type { Filter } from "@/lib/spec/clauses";
import { chinookCatalog } from "@/lib/testing/fixtures/chinook-catalog";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";
import { planWithEnglish } from "./index";

const plan = (
  prompt: string,
  catalog: Catalog = demoCatalog,
  sampleValues: Record<string, string[]> = demoSampleValues,
) => planWithEnglish({ prompt, catalog, sampleValues, now: new Date("2025-06-15") });

/** The filters a request builds, with the tables of each existence check's path. */
function filtersOf(prompt: string, catalog?: Catalog, values?: Record<string, string[]>): Filter[] {
  const result = plan(prompt, catalog, values);
  if (!result.ok) throw new Error(`${prompt}: ${result.message}`);
  return result.spec.filters;
}
const tables = (f: Filter) => ("path" in f ? [...f.path, ...(f.lookups ?? [])].map((s) => s.table) : []);

describe("reading negation and existence", () => {
  it("lists the customers without orders as an anti-join on customers, not a join", () => {
    const prompts = [
      "customers who never placed an order",
      "customers without orders",
      "customers with no orders",
      "customers that have no orders",
      "customers with zero orders",
      "customers who don't have a single order",
      "which customers have never ordered anything from us?",
    ];
    for (const prompt of prompts) {
      const result = plan(prompt);
      expect(result.ok, prompt).toBe(true);
      if (!result.ok) continue;
      expect(
        result.spec.sources.map((s) => s.table),
        prompt,
      ).toEqual(["customers"]);
      // "placed" is also an order status here; placing an order only says the order exists.
      expect(result.spec.filters, prompt).toEqual([
        {
          op: "not_exists",
          source: "customers",
          path: [
            {
              schema: "public",
              table: "orders",
              alias: "related_orders",
              on: [{ left: "customer_id", right: "customer_id" }],
            },
          ],
          phrase: expect.any(String),
        },
      ]);
    }
  });

  it("keeps what the negation governs inside the check: a period, a value, the verb's own value", () => {
    expect(filtersOf("customers who never placed an order in 2024")).toMatchObject([
      {
        op: "not_exists",
        where: [{ op: "date_range", column: { column: "order_date" }, from: "2024-01-01", to: "2025-01-01" }],
      },
    ]);
    const coupon = filtersOf("customers who have never paid by coupon");
    expect(coupon).toMatchObject([
      { op: "not_exists", where: [{ op: "=", column: { column: "payment_method" }, value: "coupon" }] },
    ]);
    expect(tables(coupon[0])).toEqual(["orders", "payments"]);
  });

  it("reads a status verb as the related rows' value: 'customers who have never returned an order'", () => {
    // "returned" is an order status: the customers with no returned order, not those with no order.
    expect(filtersOf("customers who have never returned an order")).toMatchObject([
      { op: "not_exists", where: [{ column: { column: "status" }, value: "returned" }] },
    ]);
  });

  it("reads the related rows as the subject of the verb ('nobody'), and a relationship verb's direction", () => {
    expect(filtersOf("products nobody ordered").map(tables)).toEqual([["order_items", "orders"]]);
    expect(filtersOf("employees that nobody reports to", chinookCatalog, {})).toMatchObject([
      { op: "not_exists", path: [{ table: "employee", on: [{ left: "employee_id", right: "reports_to" }] }] },
    ]);
    expect(filtersOf("employees who don't report to anyone", chinookCatalog, {})).toMatchObject([
      { op: "not_exists", path: [{ table: "employee", on: [{ left: "reports_to", right: "employee_id" }] }] },
    ]);
  });

  it("reads an empty column and a value the row must not have", () => {
    expect(filtersOf("customers without an email")).toEqual([
      { op: "is_null", column: { source: "customers", column: "email" }, phrase: "without email" },
    ]);
    expect(filtersOf("customers without a support rep", chinookCatalog, {})).toMatchObject([
      { op: "is_null", column: { column: "support_rep_id" } },
    ]);
    expect(filtersOf("orders that are not cancelled")).toMatchObject([
      { op: "!=", column: { column: "status" }, value: "cancelled" },
    ]);
  });

  it("reads 'something' as a verb's object as related rows that exist, when the verb names them", () => {
    expect(filtersOf("customers who ordered something")).toMatchObject([
      { op: "exists", source: "customers", path: [{ table: "orders" }] },
    ]);
    expect(filtersOf("customers who ordered something")[0]).not.toHaveProperty("minCount");
    expect(plan("customers who bought something")).toMatchObject({ ok: false });
  });

  it("reads 'at least / more than / fewer than N orders' as one table (an existence count), not two tied readings", () => {
    expect(filtersOf("customers who have placed at least 3 orders")).toMatchObject([{ op: "exists", minCount: 3 }]);
    expect(filtersOf("customers who placed more than 3 orders")).toMatchObject([{ op: "exists", minCount: 4 }]);
    expect(filtersOf("customers who placed fewer than 3 orders")).toMatchObject([{ op: "not_exists", minCount: 3 }]);
    const tracks = filtersOf("customers who bought at least 3 different tracks", chinookCatalog, {});
    expect(tracks).toMatchObject([{ op: "exists", minCount: 3 }]);
    expect(tables(tracks[0]).at(-1)).toBe("track");
  });

  it("reads an existential question, and a closing request for the same rows, as the rows asked about", () => {
    const expected = filtersOf("products nobody has ever ordered");
    expect(expected).toMatchObject([{ op: "not_exists", source: "products" }]);
    for (const prompt of [
      "is there any product nobody has ever ordered? list them",
      "are there products nobody has ever ordered?",
      "Products nobody has ever ordered. Show them.",
    ])
      expect(filtersOf(prompt), prompt).toEqual(expected);
    expect(plan("are there")).toMatchObject({ ok: false });
  });

  it("reads a count of related rows after a question word, where the relative word is left out", () => {
    const filters = filtersOf("which customers have bought at least one electronics product?");
    expect(filters).toMatchObject([{ op: "exists", source: "customers" }]);
    expect(tables(filters[0]).at(-1)).toBe("products");
    expect(filters[0]).toMatchObject({ where: [{ op: "=", value: "electronics" }] });
    expect(filtersOf("which customers placed more than 2 orders")).toMatchObject([{ op: "exists", minCount: 3 }]);
  });

  it("refuses a negation it cannot place rather than reading the request without it", () => {
    for (const prompt of [
      "customers who never bought anything",
      "number of orders per customer, including customers without orders",
      "orders not in 2024",
      "customers with no signup date",
    ]) {
      expect(plan(prompt), prompt).toMatchObject({ ok: false });
    }
  });

  it("reads including the rows without related rows where the table keeps every listed row", () => {
    for (const prompt of [
      "every customer with how many orders they have, including customers who never ordered",
      "all customers with their number of orders, including customers without orders",
    ]) {
      const result = plan(prompt);
      expect(result.ok && result.spec.joins.map((j) => j.type), prompt).toEqual(["left"]);
      expect(result.ok && result.spec.filters, prompt).toEqual([]);
    }
  });

  it("says so when a negated value also leaves out the rows where the column is empty", () => {
    const result = plan("customers that are not in Germany", chinookCatalog, {
      "customer.country": ["Germany", "USA"],
    });
    expect(result).toMatchObject({
      ok: true,
      spec: { filters: [{ op: "!=", column: { column: "country" }, value: "Germany" }] },
    });
    if (result.ok) expect(result.notes).toContain('"are not in Germany" also leaves out the rows with no country');
  });

  it("gives the same spec whatever the order of the catalog's tables", () => {
    const reversed = { tables: [...demoCatalog.tables].reverse() };
    expect(JSON.stringify(plan("customers who have never paid by coupon", reversed))).toBe(
      JSON.stringify(plan("customers who have never paid by coupon")),
    );
  });

  it("reads 'never <verb>' as the verb's date left empty, and 'not <verb>' as either that or a state", () => {
    const never = plan("orders that never shipped");
    expect(never.ok && never.spec.filters).toEqual([
      { op: "is_null", column: { source: "orders", column: "shipped_at" }, phrase: expect.any(String) },
    ]);
    expect(plan("orders that were not shipped")).toMatchObject({ ok: false, code: "ambiguous" });
  });

  it("reads 'skipping' and 'ignoring' as leaving rows out", () => {
    for (const prompt of [
      "number of orders per status, skipping cancelled orders",
      "number of orders per status, ignoring cancelled orders",
    ]) {
      const result = plan(prompt);
      expect(result.ok, prompt).toBe(true);
      if (result.ok) expect(JSON.stringify(result.spec.filters), prompt).toContain("cancelled");
    }
  });

  it("reads 'is blank' or 'is empty' as no value, and an exclusion keeps the relative clause of the rows it leaves out", () => {
    expect(filtersOf("customers whose company is blank", chinookCatalog, {})).toEqual([
      { op: "is_null", column: { source: "customer", column: "company" }, phrase: expect.any(String) },
    ]);
    expect(
      filtersOf("number of customers per country, ignoring customers where the company is empty", chinookCatalog, {}),
    ).toEqual([{ op: "is_not_null", column: { source: "customer", column: "company" }, phrase: expect.any(String) }]);
    expect(filtersOf("total order amount per status, excluding orders that were cancelled")).toEqual([
      { op: "!=", column: { source: "orders", column: "status" }, value: "cancelled", phrase: expect.any(String) },
    ]);
    // Which amount is added up is still open, and the exclusion does not settle it.
    expect(plan("total amount per status, excluding orders that were cancelled")).toMatchObject({
      ok: false,
      code: "ambiguous",
    });
  });

  it("reads who the nobody is before the verb as a condition on the related rows", () => {
    const [filter] = filtersOf("products nobody in France ordered", demoCatalog, {
      ...demoSampleValues,
      "customers.country": ["France", "Germany"],
    });
    expect(filter).toMatchObject({ op: "not_exists", source: "products" });
    expect(tables(filter)).toEqual(["order_items", "orders", "customers"]);
    expect(JSON.stringify(filter)).toContain('"France"');
  });

  it("reads a verb that names the event other rows record as those rows ('never paid': no payments)", () => {
    for (const prompt of ["orders that were never paid", "customers who never paid"]) {
      const [filter, ...rest] = filtersOf(prompt);
      expect(rest, prompt).toEqual([]);
      expect(filter, prompt).toMatchObject({ op: "not_exists" });
      expect(tables(filter), prompt).toContain("payments");
    }
  });

  it("reads how often ('at least 3 times', 'more than once', 'at least twice') as a count of the verb's rows", () => {
    const [times] = filtersOf("customers who ordered at least 3 times");
    expect(times).toMatchObject({ op: "exists", minCount: 3 });
    expect(tables(times)).toEqual(["orders"]);
    expect(filtersOf("customers who have ordered more than once")).toMatchObject([{ op: "exists", minCount: 2 }]);
    // "times" after a count is how often, never a column's word (a track's play time).
    expect(plan("tracks that were bought at least 5 times", chinookCatalog, {})).toMatchObject({ ok: false });
    const [twice] = filtersOf("customers who paid by gift card at least twice");
    expect(twice).toMatchObject({ op: "exists", minCount: 2 });
    expect(JSON.stringify(twice)).toContain("gift_card");
  });

  it("reads a verb ending the request as its rows existing, and never guesses which rows a period apart from it dates", () => {
    expect(filtersOf("customers who have ordered")).toMatchObject([{ op: "exists" }]);
    const [paid] = filtersOf("orders that were paid");
    expect(tables(paid)).toEqual(["payments"]);
    const [dated] = filtersOf("customers who ordered at least 3 times in 2024");
    expect(dated).toMatchObject({ op: "exists", minCount: 3 });
    expect(JSON.stringify(dated)).toContain("order_date");
    for (const prompt of ["in 2024, customers who ordered at least 3 times", "in 2024, customers who ordered"])
      expect(plan(prompt).ok, prompt).toBe(false);
  });
});

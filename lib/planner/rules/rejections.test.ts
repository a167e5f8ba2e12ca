import { describe, expect, it } from "vitest";
import { planWithRules } from "@/lib/planner/rules";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";
import { chinookCatalog } from "@/lib/testing/fixtures/chinook-catalog";

const run = (prompt: string) =>
  planWithRules({ prompt, catalog: demoCatalog, sampleValues: demoSampleValues, now: new Date("2025-06-15") });

describe("planWithRules rejects rather than guesses", () => {
  it.each(["", "   \n  "])("rejects an empty request (%j)", (prompt) => {
    expect(run(prompt)).toMatchObject({ ok: false, code: "empty" });
  });

  it.each(["write a poem about databases", "what is the weather like today", "hello there"])(
    "rejects non-ETL text: %s",
    (prompt) => {
      const r = run(prompt);
      expect(r).toMatchObject({ ok: false, code: "not_understood" });
    },
  );

  it.each([
    ["drop the orders table", "drop"],
    ["delete all customers", "delete"],
    ["truncate payments", "truncate"],
    ["update orders set status = 'shipped'", "update"],
    ["insert into customers values (1)", "insert"],
    ["alter table orders add column x int", "alter"],
  ])("refuses the destructive request %j", (prompt, word) => {
    const r = run(prompt);
    expect(r).toMatchObject({ ok: false, code: "unsafe", phrase: word });
    if (!r.ok) expect(r.message).toContain(word);
  });

  it.each([
    "total amount per customer'; drop table orders; --",
    "orders where status = 'x'; select * from pg_shadow",
    "orders where status = 'shipped' -- and more",
    "orders /* hidden */ per customer",
    "orders where status = 'x' union select password from users",
    "orders where status = 'it''s",
  ])("refuses injection-shaped text: %s", (prompt) => {
    expect(run(prompt)).toMatchObject({ ok: false, code: "unsafe" });
  });

  it("names an unknown table and suggests the close one without silently using it", () => {
    const r = run("join custmers and orders, total amount per customer");
    expect(r).toMatchObject({ ok: false, code: "unknown_table", phrase: "custmers", candidates: ["customers"] });
    if (!r.ok) expect(r.message).toBe('unknown table "custmers"; did you mean customers?');
  });

  it("names an unknown table with no close match", () => {
    const r = run("join customers and vendors");
    expect(r).toMatchObject({ ok: false, code: "unknown_table", phrase: "vendors" });
  });

  it("names an unknown column of a table.column reference", () => {
    const r = run("total of orders.revenue per customer");
    expect(r).toMatchObject({ ok: false, code: "unknown_column", phrase: "orders.revenue" });
  });

  it("names a word it cannot place", () => {
    const r = run("total order amount per customer with loyalty tier");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.phrase).toBe("loyalty");
  });

  it("reads a one-letter column typo but lowers its confidence and says so", () => {
    const r = run("total ammount per customer");
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.confidence).toBeLessThan(1);
      expect(r.notes.join(" ")).toContain('"ammount"');
    }
  });

  it("calls two equally likely columns ambiguous and lists both", () => {
    const r = run("monthly revenue");
    expect(r).toMatchObject({ ok: false, code: "ambiguous", candidates: ["orders.amount", "payments.amount"] });
  });

  it("calls a mixed-precedence expression ambiguous", () => {
    expect(run("unit price minus discount times quantity for order items")).toMatchObject({
      ok: false,
      code: "ambiguous",
    });
  });

  it("asks which date when a table has several and none is its own", () => {
    const r = planWithRules({ prompt: "number of employees per year", catalog: chinookCatalog });
    expect(r).toMatchObject({
      ok: false,
      code: "ambiguous",
      candidates: ["employee.birth_date", "employee.hire_date"],
    });
  });

  it("reads a possessive as English, not as a quote", () => {
    expect(run("each customer's total order amount").ok).toBe(true);
  });

  it("refuses a grain with nothing to compute", () => {
    const r = run("customers per country");
    expect(r).toMatchObject({ ok: false, code: "not_understood", phrase: "per country" });
  });

  it("refuses a column that would split the grain", () => {
    expect(run("total order amount per customer with order date")).toMatchObject({ ok: false, code: "ambiguous" });
  });

  it("refuses a text value for a numeric column", () => {
    expect(run("orders where amount is 'lots'")).toMatchObject({ ok: false, code: "not_understood" });
  });

  it("refuses an overlong request", () => {
    expect(run("total amount per customer ".repeat(200))).toMatchObject({ ok: false, code: "not_understood" });
  });
});

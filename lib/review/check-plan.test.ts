import { describe, expect, it } from "vitest";
import { demoCatalog } from "@/lib/testing/fixtures/demo-catalog";
import { customerTotalsSpec } from "@/lib/testing/fixtures/demo-specs";
import { checkEditedSpec } from "./check-plan";
import { addColumn, addFilter, removeClause, replaceColumn, replaceFilter, replaceJoin } from "./edit-plan";

const prompt = "total order amount per customer";
const check = (spec: unknown) => checkEditedSpec(spec, { prompt, catalog: demoCatalog });
const shipped = customerTotalsSpec({
  filters: [{ op: "=", column: { source: "orders", column: "status" }, value: "shipped", phrase: "shipped" }],
});

describe("checkEditedSpec", () => {
  it("accepts a plan whose filter value was changed, and keeps the run's own prompt", () => {
    const edited = replaceFilter(shipped, 0, {
      ...shipped.filters[0],
      value: "returned",
    } as (typeof shipped.filters)[0]);
    const result = check({ ...edited, prompt: "something else entirely" });
    expect(result).toEqual({
      ok: true,
      spec: expect.objectContaining({ prompt, filters: [expect.objectContaining({ value: "returned" })] }),
    });
  });

  it("pins an unknown column to the clause that reads it", () => {
    const edited = replaceFilter(shipped, 0, {
      op: "=",
      column: { source: "orders", column: "colour" },
      value: "red",
      phrase: "",
    });
    expect(check(edited)).toEqual({
      ok: false,
      issues: [{ clause: "filters.0", message: 'column "colour" does not exist in public.orders' }],
    });
  });

  it("pins a value of the wrong type to its filter", () => {
    const edited = replaceFilter(shipped, 0, {
      op: ">",
      column: { source: "orders", column: "amount" },
      value: "a lot",
      phrase: "",
    });
    expect(check(edited)).toEqual({
      ok: false,
      issues: [{ clause: "filters.0", message: 'orders.amount is numeric; "a lot" is not a number' }],
    });
  });

  it("pins an unknown table to the join that brings it in", () => {
    const edited = replaceJoin(shipped, 0, shipped.joins[0], { ...shipped.sources[1], table: "invoices" });
    expect(check(edited)).toEqual({
      ok: false,
      issues: [{ clause: "joins.0", message: "table public.invoices is not in the catalog" }],
    });
  });

  it("pins schema problems to their clause: an output name that is not snake_case, a removed join still read", () => {
    const renamed = replaceColumn(shipped, 1, { ...shipped.columns[1], name: "Total Amount" });
    expect(check(renamed)).toEqual({
      ok: false,
      issues: [
        { clause: "columns.1", message: expect.stringContaining("name: must be a lowercase snake_case identifier") },
      ],
    });
    const unjoined = removeClause(shipped, "joins.0");
    const result = check(unjoined);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.clause)).toEqual(
      expect.arrayContaining(["filters.0", "columns.1"]),
    );
  });

  it("refuses what is not a plan at all", () => {
    expect(check(null)).toEqual({
      ok: false,
      issues: [{ clause: "spec", message: "The plan must be a JSON object." }],
    });
    expect(check([])).toMatchObject({ ok: false });
  });
});

describe("plan edits", () => {
  it("keeps the grouping key in step with a grouped column that changes", () => {
    const edited = replaceColumn(shipped, 0, {
      name: "country",
      expr: { kind: "column", column: { source: "customers", column: "country" } },
      phrase: "",
    });
    expect(edited.grain).toEqual([{ column: { source: "customers", column: "country" }, phrase: "" }]);
    expect(check(edited).ok).toBe(true);
  });

  it("clears the words of the request from a clause a person changed, and keeps them on one left as it was", () => {
    const edited = replaceFilter(shipped, 0, {
      ...shipped.filters[0],
      value: "returned",
    } as (typeof shipped.filters)[0]);
    expect(edited.filters[0]).toEqual({
      op: "=",
      column: { source: "orders", column: "status" },
      value: "returned",
      phrase: "",
    });
    expect(replaceFilter(shipped, 0, { ...shipped.filters[0] }).filters[0].phrase).toBe("shipped");
    const renamed = replaceColumn(
      customerTotalsSpec({ columns: [shipped.columns[0], { ...shipped.columns[1], renamePhrase: "as total" }] }),
      1,
      { ...shipped.columns[1], name: "spent", renamePhrase: "as total" },
    );
    expect(renamed.columns[1]).toEqual({ name: "spent", expr: shipped.columns[1].expr, phrase: "" });
  });

  it("removes an output with the order and group conditions that name it and its grouping key", () => {
    const spec = customerTotalsSpec({
      orderBy: [{ output: "total_order_amount", direction: "desc", phrase: "" }],
      having: [{ output: "total_order_amount", op: ">", value: 10, phrase: "" }],
    });
    const edited = removeClause(spec, "columns.1");
    expect(edited.orderBy).toEqual([]);
    expect(edited.having).toEqual([]);
    expect(removeClause(spec, "columns.0").grain).toEqual([]);
  });

  it("adds a column as another grouping key in a grouped plan, and a filter to fill in", () => {
    const withCountry = addColumn(shipped, { source: "customers", column: "country" });
    expect(withCountry.columns.at(-1)).toEqual({
      name: "country",
      expr: { kind: "column", column: { source: "customers", column: "country" } },
      phrase: "",
    });
    expect(withCountry.grain.at(-1)).toEqual({ column: { source: "customers", column: "country" }, phrase: "" });
    expect(check(withCountry).ok).toBe(true);
    const withFilter = addFilter(shipped, { source: "customers", column: "segment" }, "corporate");
    expect(check(withFilter).ok).toBe(true);
  });

  it("names an added column that is taken with a suffix", () => {
    expect(addColumn(shipped, { source: "customers", column: "customer_id" }).columns.at(-1)?.name).toBe(
      "customer_id_2",
    );
  });
});

import { describe, expect, it } from "vitest";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";
import { planWithEnglish } from "./index";
import { parseAll, type Production } from "./chart";

const plan = (prompt: string, catalog = demoCatalog) =>
  planWithEnglish({ prompt, catalog, sampleValues: demoSampleValues });

describe("the chart parser", () => {
  it("returns every reading of an ambiguous sequence", () => {
    const rules: Production<string>[] = [
      { lhs: "S", rhs: ["X", "X?"], build: (k) => k.join("+") },
      { lhs: "X", rhs: ["a"], build: (k) => `(${k[0]})` },
      { lhs: "X", rhs: ["a", "a"], build: (k) => `(${k.join("")})` },
    ];
    const terminals = [0, 1].map((i) => ({ cat: "a", start: i, end: i + 1, value: `a${i}`, strength: 1 }));
    expect(
      parseAll({ rules, terminals, length: 2, start: "S", absent: "" })
        .map((d) => d.value)
        .sort(),
    ).toEqual(["(a0)+(a1)", "(a0a1)+"]);
  });
});

describe("planWithEnglish", () => {
  it("reads a period as [start, end) on the listed rows' own date", () => {
    const result = plan("orders in 2024");
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.spec.filters).toContainEqual(
        expect.objectContaining({ op: "date_range", from: "2024-01-01", to: "2025-01-01" }),
      );
  });

  it("refuses destructive requests as unsafe and negation it cannot read yet", () => {
    expect(plan("delete every order from 2024")).toMatchObject({ ok: false, code: "unsafe" });
    expect(plan("customers who never bought anything")).toMatchObject({ ok: false, code: "not_understood" });
  });

  it("refuses a ranking without a measure as ambiguous instead of listing every row", () => {
    expect(plan("top customers")).toMatchObject({ ok: false, code: "ambiguous" });
  });

  it("names a word it cannot read instead of dropping it", () => {
    expect(plan("orders per courier")).toMatchObject({ ok: false, phrase: "courier" });
  });

  it("gives the same spec whatever the order of the catalog's tables", () => {
    const reversed = { tables: [...demoCatalog.tables].reverse() };
    expect(JSON.stringify(plan("orders in 2024", reversed))).toBe(JSON.stringify(plan("orders in 2024")));
  });
});

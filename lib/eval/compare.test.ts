import { describe, expect, it } from "vitest";
import { compareResults } from "./compare";

describe("compareResults", () => {
  const gold = [{ customer_id: 1, total: "10.50" }, { customer_id: 2, total: "7.00" }];

  it("matches columns by their values, whatever their names and order, and allows extra columns", () => {
    const built = [{ total_order_amount: "7.0000001", id: 2, first_name: "B" }, { total_order_amount: 10.5, id: 1, first_name: "A" }];
    expect(compareResults(gold, built)).toEqual({ same: true });
  });

  it("notices a different row count, a missing measure and values paired wrongly", () => {
    expect(compareResults(gold, gold.slice(0, 1))).toEqual({ same: false, reason: "1 rows, expected 2" });
    expect(compareResults(gold, [{ customer_id: 1, total: "10.50" }, { customer_id: 2, total: "7.01" }])).toMatchObject({ same: false, reason: expect.stringContaining("total") });
    expect(compareResults(gold, [{ customer_id: 1, total: "7.00" }, { customer_id: 2, total: "10.50" }])).toMatchObject({ same: false, reason: expect.stringContaining("same rows") });
  });

  it("treats a date and its midnight timestamp alike, and NULL as a value", () => {
    expect(compareResults([{ d: "2024-03-01", n: null }], [{ day: new Date("2024-03-01T00:00:00Z"), n: null }])).toEqual({ same: true });
    expect(compareResults([{ n: null }], [{ n: 0 }])).toMatchObject({ same: false });
  });
});

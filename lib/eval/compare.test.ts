import { describe, expect, it } from "vitest";
import { compareResults } from "./compare";

describe("compareResults", () => {
  const gold = [
    { customer_id: 1, total: "10.50" },
    { customer_id: 2, total: "7.00" },
  ];

  it("matches columns by their values, whatever their names and order, and allows extra columns", () => {
    const built = [
      { total_order_amount: "7.0000001", id: 2, first_name: "B" },
      { total_order_amount: 10.5, id: 1, first_name: "A" },
    ];
    expect(compareResults(gold, built)).toEqual({ same: true });
  });

  it("notices a different row count, a missing measure and values paired wrongly", () => {
    expect(compareResults(gold, gold.slice(0, 1))).toEqual({ same: false, reason: "1 rows, expected 2" });
    expect(
      compareResults(gold, [
        { customer_id: 1, total: "10.50" },
        { customer_id: 2, total: "7.01" },
      ]),
    ).toMatchObject({ same: false, reason: expect.stringContaining("total") });
    expect(
      compareResults(gold, [
        { customer_id: 1, total: "7.00" },
        { customer_id: 2, total: "10.50" },
      ]),
    ).toMatchObject({ same: false, reason: expect.stringContaining("same rows") });
  });

  it("matches rows by the same tolerance as columns: a float sum 1e-7 away from a numeric gold is right", () => {
    // 6683.70 and 6683.7007 round apart at 7 significant digits, which once split them into different rows.
    const numericGold = [
      { employee_id: 1, sales: "6683.70" },
      { employee_id: 2, sales: "1200.00" },
    ];
    const floatBuilt = [
      { employee_id: 2, total_sales: 1199.9999 },
      { employee_id: 1, total_sales: 6683.7007 },
    ];
    expect(compareResults(numericGold, floatBuilt)).toEqual({ same: true });
  });

  it("pairs rows whose noise orders them differently on the two sides", () => {
    const noisy = [
      { a: 1.0000001, b: 2 },
      { a: 1, b: 3 },
    ];
    expect(
      compareResults(noisy, [
        { a: 1, b: 2 },
        { a: 1.0000001, b: 3 },
      ]),
    ).toEqual({ same: true });
  });

  it("counts duplicate rows: the same rows in any order, but not the same values spread over other rows", () => {
    const twice = [
      { n: 1, s: "x" },
      { n: 1, s: "x" },
      { n: 2, s: "y" },
    ];
    expect(
      compareResults(twice, [
        { n: 2, s: "y" },
        { n: 1, s: "x" },
        { n: 1, s: "x" },
      ]),
    ).toEqual({ same: true });
    expect(
      compareResults(twice, [
        { n: 1, s: "x" },
        { n: 2, s: "x" },
        { n: 1, s: "y" },
      ]),
    ).toMatchObject({ same: false, reason: expect.stringContaining("same rows") });
  });

  it("treats a date and its midnight timestamp alike, and NULL as a value", () => {
    expect(
      compareResults([{ d: "2024-03-01", n: null }], [{ day: new Date("2024-03-01T00:00:00Z"), n: null }]),
    ).toEqual({ same: true });
    expect(
      compareResults(
        [{ month: "2024-03-01T00:00:00.000Z", orders: "4" }],
        [{ month: new Date("2024-03-01T00:00:00Z"), orders: 4n }],
      ),
    ).toEqual({ same: true });
    expect(compareResults([{ n: null }], [{ n: 0 }])).toMatchObject({ same: false });
    expect(
      compareResults(
        [
          { k: 1, n: null },
          { k: 2, n: 5 },
        ],
        [
          { k: 1, n: 5 },
          { k: 2, n: null },
        ],
      ),
    ).toMatchObject({ same: false, reason: expect.stringContaining("same rows") });
  });

  it("settles thousands of noisy rows, right or wrong, at once", () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ k: i % 7, v: (i * 1.1) / 3 }));
    const shuffled = [...many].reverse().map((row) => ({ key: row.k, value: row.v * (1 + 3e-7) }));
    const started = performance.now();
    expect(compareResults(many, shuffled)).toEqual({ same: true });
    expect(
      compareResults(
        many,
        shuffled.map((row, i) => (i === 0 ? { ...row, key: (row.key + 1) % 7 } : row)),
      ),
    ).toMatchObject({ same: false });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

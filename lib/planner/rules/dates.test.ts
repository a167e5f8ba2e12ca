import { describe, expect, it } from "vitest";
import { findDateRanges } from "@/lib/planner/rules/dates";

const now = new Date("2025-06-15T10:00:00Z");
const range = (text: string) => {
  const [r] = findDateRanges(text, now);
  return r ? { from: r.from, to: r.to } : null;
};

describe("findDateRanges", () => {
  it.each([
    ["in 2019", { from: "2019-01-01", to: "2020-01-01" }],
    ["since March 2024", { from: "2024-03-01", to: undefined }],
    ["before 2020-01-01", { from: undefined, to: "2020-01-01" }],
    ["after 2020", { from: "2021-01-01", to: undefined }],
    ["in Q2 2024", { from: "2024-04-01", to: "2024-07-01" }],
    ["between 2024-01-01 and 2024-03-31", { from: "2024-01-01", to: "2024-04-01" }],
    ["in the last 30 days", { from: "2025-05-17", to: "2025-06-16" }],
    ["last year", { from: "2024-01-01", to: "2025-01-01" }],
    ["on March 5, 2024", { from: "2024-03-05", to: "2024-03-06" }],
    ["until 5 March 2024", { from: undefined, to: "2024-03-06" }],
  ])("reads %j as a half-open range", (text, expected) => {
    expect(range(text)).toEqual(expected);
  });

  it("ignores numbers that are not dates", () => {
    expect(findDateRanges("orders over 100", now)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { annotate } from "@/lib/planner/english/annotate";
import { resolveTimeExpression } from "@/lib/planner/english/time/resolve-time";

const resolve = (prompt: string, asOf: string) => {
  const time = annotate(prompt).find((t) => t.time)?.time;
  if (!time) throw new Error(`no time phrase in "${prompt}"`);
  return resolveTimeExpression(time, asOf);
};

describe("resolveTimeExpression", () => {
  it.each([
    ["orders last month", "2025-06-15", { start: "2025-05-01", end: "2025-06-01" }],
    ["orders in the last 30 days", "2025-06-15", { start: "2025-05-17", end: "2025-06-16" }],
    ["orders in the past 3 months", "2025-06-15", { start: "2025-03-16", end: "2025-06-16" }],
    ["orders this year", "2025-06-15", { start: "2025-01-01", end: "2026-01-01" }],
    ["orders this quarter", "2025-06-15", { start: "2025-04-01", end: "2025-07-01" }],
    ["orders last quarter", "2025-02-10", { start: "2024-10-01", end: "2025-01-01" }],
    ["orders last week", "2025-06-15", { start: "2025-06-02", end: "2025-06-09" }],
    ["orders year to date", "2025-06-15", { start: "2025-01-01", end: "2025-06-16" }],
    ["orders since last month", "2025-06-15", { start: "2025-05-01" }],
    ["orders before last year", "2025-06-15", { end: "2024-01-01" }],
    ["orders from 3 months ago", "2025-05-31", { start: "2025-02-28", end: "2025-02-28" }],
    ["orders yesterday", "2025-03-01", { start: "2025-02-28", end: "2025-03-01" }],
  ])("%j as of %s", (prompt, asOf, range) => {
    expect(resolve(prompt, asOf)).toEqual(range);
  });

  it("anchors a period without a year to its latest start on or before the as-of date", () => {
    expect(resolve("orders since March", "2025-06-15")).toEqual({ start: "2025-03-01" });
    expect(resolve("orders since March", "2025-02-10")).toEqual({ start: "2024-03-01" });
    expect(resolve("orders in December", "2025-06-15")).toEqual({ start: "2024-12-01", end: "2025-01-01" });
  });

  it("gives absolute periods the same range whatever the as-of date", () => {
    expect(resolve("orders in Q3 2024", "2030-01-01")).toEqual({ start: "2024-07-01", end: "2024-10-01" });
  });

  it("refuses an as-of date that is not a day", () => {
    expect(() => resolve("orders last month", "June 2025")).toThrow(/YYYY-MM-DD/);
  });
});

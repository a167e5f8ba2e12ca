import { describe, expect, it } from "vitest";
import { formatTable } from "./output";

describe("formatTable", () => {
  it("aligns text left and numbers right under a rule", () => {
    const text = formatTable(
      ["table", "rows"],
      [
        ["public.orders", 100000],
        ["public.customers", 5000],
      ],
    );
    expect(text.split("\n")).toEqual([
      "table               rows",
      "────────────────  ──────",
      "public.orders     100000",
      "public.customers    5000",
      "",
    ]);
  });

  it("shows nulls as blanks and clips very long values", () => {
    const text = formatTable(["note"], [[null], ["x".repeat(100)]]);
    const lines = text.split("\n");
    expect(lines[2]).toBe("");
    expect(lines[3]).toHaveLength(60);
    expect(lines[3].endsWith("…")).toBe(true);
  });
});

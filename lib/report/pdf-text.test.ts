import { describe, expect, it } from "vitest";
import { codeLines, toPdfText } from "./pdf-text";

describe("pdf text", () => {
  it("keeps Latin-1 and WinAnsi text and replaces what the built-in fonts cannot draw", () => {
    expect(toPdfText("Zürich – “gold” …")).toBe("Zürich – “gold” …");
    expect(toPdfText("amount ≥ 10 → 顧客")).toBe("amount >= 10 -> ??");
  });

  it("keeps code indentation and wraps long lines within the width, losing no characters", () => {
    const code = `SELECT\n    "orders"."customer_id",\n${"x".repeat(30)} ${"y".repeat(30)}\n\nFROM t`;
    const lines = codeLines(code, 40);
    expect(lines[1]).toBe(`${"\u00a0".repeat(4)}"orders"."customer_id",`);
    expect(lines.every((line) => line.length <= 40)).toBe(true);
    expect(lines[2]).toBe("x".repeat(30));
    expect(lines[3]).toBe(`\u00a0\u00a0${"y".repeat(30)}`);
    expect(lines[4]).toBe("\u00a0");
    expect(lines.join("").replace(/[\s\u00a0]/g, "")).toBe(code.replace(/\s/g, ""));
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkPlainText, findUnsafeCharacter, plainText } from "./plain-text";

describe("plain text", () => {
  it("accepts ordinary text in any script, emoji included, and line breaks where they belong", () => {
    expect(findUnsafeCharacter("Total order amount per customer, für 2024 – 顧客 🚀")).toBeNull();
    expect(findUnsafeCharacter("select *\n\tfrom orders\r\n", { multiline: true })).toBeNull();
  });

  it("says which field holds a NUL, where, and to remove it", () => {
    expect(checkPlainText("prompt", "orders\u0000 per day", { multiline: true })).toBe(
      "The prompt contains a NUL character (U+0000) at character 7; remove it and send it again.",
    );
  });

  it("refuses terminal escapes, DEL and C1 controls, and line breaks in one-line fields", () => {
    expect(checkPlainText("query (sql)", "select 1\u001b[2J", { multiline: true })).toBe(
      "The query (sql) contains a control character (U+001B) at character 9; remove it (tabs and line breaks are fine) and send it again.",
    );
    expect(findUnsafeCharacter("a\u007fb")).toMatchObject({ index: 1, kind: "control" });
    expect(findUnsafeCharacter("a\u009bb")).toMatchObject({ index: 1, kind: "control" });
    expect(checkPlainText("table name", "orders\nadmin")).toBe(
      "The table name contains a control character (U+000A) at character 7; remove it and send it again.",
    );
  });

  it("refuses a lone surrogate but keeps a surrogate pair", () => {
    expect(findUnsafeCharacter("🚀")).toBeNull();
    expect(checkPlainText("prompt", "ab\ud800c")).toBe(
      "The prompt contains a broken character (a lone UTF-16 surrogate, U+D800) at character 3; remove it or type that character again.",
    );
    expect(findUnsafeCharacter("\udc00")).toMatchObject({ index: 0, kind: "surrogate" });
    expect(findUnsafeCharacter("x\ud83d")).toMatchObject({ index: 1, kind: "surrogate" });
  });

  it("as a zod refinement, reports its message first and skips the field's other checks", () => {
    const schema = z.object({
      prompt: z
        .string()
        .superRefine(plainText("prompt", { multiline: true }))
        .trim()
        .min(1, "Describe the table you want."),
    });
    const result = schema.safeParse({ prompt: "\u0000" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "The prompt contains a NUL character (U+0000) at character 1; remove it and send it again.",
    ]);
    expect(schema.parse({ prompt: "  orders per day \n" })).toEqual({ prompt: "orders per day" });
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { escapeControlCharacters, logError } from "./safe-log";

describe("safe log lines", () => {
  afterEach(() => vi.restoreAllMocks());

  it("shows newlines, ANSI escapes and other controls as visible escapes", () => {
    expect(escapeControlCharacters("a\nb\r\u001b[31mred\u0000\u2028")).toBe("a\\nb\\r\\x1b[31mred\\x00\\u2028");
    expect(escapeControlCharacters("line one\nline two", { keepNewlines: true })).toBe("line one\nline two");
    expect(escapeControlCharacters("Prénom 🚀")).toBe("Prénom 🚀");
  });

  it("cannot be made to print a forged line: input stays on the error's first line, the stack keeps its frames", () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
    const error = Object.assign(new Error('relation "x\n[datamorph] admin signed in\u001b[2J" does not exist'), {
      query: "select\n1",
    });
    logError("POST /api/query", error);
    const [record] = lines;
    const [first, ...rest] = record.split("\n");
    expect(first).toContain(
      '[datamorph] POST /api/query: Error: relation "x\\n[datamorph] admin signed in\\x1b[2J" does not exist',
    );
    expect(first).toContain("select\\n1");
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((line) => /^\s+at /.test(line))).toBe(true);
    expect(record).not.toContain("\u001b");
  });
});

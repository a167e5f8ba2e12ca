import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

// Every prompt of the product's evaluation corpus and of the development set beside the
// checkout (../shared/evals, where it exists): invariants that must hold for any English,
// and the speed of reading it.
function loadPrompts(): string[] {
  const folders = [path.resolve("lib/eval/corpus"), path.resolve("../shared/evals")].filter((f) => fs.existsSync(f));
  return folders.flatMap((folder) =>
    fs
      .readdirSync(folder)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .flatMap((f) =>
        (JSON.parse(fs.readFileSync(path.join(folder, f), "utf8")) as { cases: { prompt: string }[] }).cases.map(
          (c) => c.prompt,
        ),
      ),
  );
}

const prompts = loadPrompts();
// The English layer's speed is a figure of `npm run bench` (the planner's latency), never a test.
let english: typeof import("@/lib/planner/english");

beforeAll(async () => {
  english = await import("@/lib/planner/english");
});

describe("every prompt of the evaluation sets", () => {
  it("has prompts to read", () => {
    expect(prompts.length).toBeGreaterThan(100);
  });

  it("keeps every character that is not a space in exactly one token, in order", () => {
    for (const prompt of prompts) {
      const tokens = english.annotate(prompt);
      let cursor = 0;
      for (const t of tokens) {
        expect(prompt.slice(cursor, t.span.start).trim(), prompt).toBe("");
        expect(prompt.slice(t.span.start, t.span.end)).toBe(t.text);
        cursor = t.span.end;
      }
      expect(prompt.slice(cursor).trim(), prompt).toBe("");
    }
  });

  it("puts every token in exactly one chunk, in order, and no chunk across two sentences", () => {
    for (const prompt of prompts) {
      const tokens = english.annotate(prompt);
      const chunks = english.chunk(tokens);
      let next = 0;
      for (const c of chunks) {
        expect(c.tokens.start, prompt).toBe(next);
        expect(c.tokens.end).toBeGreaterThan(c.tokens.start);
        expect(tokens[c.tokens.start].sentence, `${prompt}: ${c.text}`).toBe(tokens[c.tokens.end - 1].sentence);
        next = c.tokens.end;
      }
      expect(next, prompt).toBe(tokens.length);
    }
  });

  it("reads each prompt the same way twice", () => {
    for (const prompt of prompts) {
      const first = JSON.stringify(english.chunk(english.annotate(prompt)));
      expect(JSON.stringify(english.chunk(english.annotate(prompt)))).toBe(first);
    }
  });

  it("gives every time phrase with a fixed range a start before its end", () => {
    for (const prompt of prompts) {
      for (const t of english.annotate(prompt)) {
        const range = t.time?.range;
        if (range?.start && range.end) expect(range.start < range.end, prompt).toBe(true);
      }
    }
  });
});

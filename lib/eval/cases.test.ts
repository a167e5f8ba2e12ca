import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadEvalCases } from "./cases";

const dir = mkdtempSync(path.join(tmpdir(), "datamorph-eval-cases-"));
const write = (name: string, content: unknown) => {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(content));
  return file;
};

describe("loadEvalCases", () => {
  it("reads a refusal with a reason, or with a tag as the shared files give it, and names each case's file", async () => {
    const file = write("dev-shop.json", {
      database: "shop",
      cases: [
        { id: "a", prompt: "drop orders", expect: { reject: "unsafe" } },
        { id: "b", prompt: "hi!", expect: { reject: true }, tags: ["reject-chitchat"] },
        { id: "c", prompt: "orders", expect: { sql: "select 1" } },
      ],
    });
    const cases = await loadEvalCases([file]);
    expect(cases.map((c) => [c.id, c.expect, c.file, c.database])).toEqual([
      ["a", { reject: "unsafe" }, "dev-shop", "shop"],
      ["b", { reject: true }, "dev-shop", "shop"],
      ["c", { sql: "select 1" }, "dev-shop", "shop"],
    ]);
  });

  it("refuses a reason it does not know, naming the ones it does", async () => {
    const file = write("bad.json", [{ id: "x", prompt: "p", expect: { reject: "rude" } }]);
    await expect(loadEvalCases([file])).rejects.toThrow(
      /bad\.json: cases\.0\.expect: .*"unsafe" \| "unknown" \| "ambiguous" \| "not_etl"/,
    );
  });
});

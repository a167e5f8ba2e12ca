import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const FOLDERS = ["lib", "agents", "app", "cli", "bench"];
// Test files and test support set up their own fixtures; lib/db is where the queries live.
const EXEMPT = /(^lib\/db\/)|(\.test\.tsx?$)|(^(lib|agents)\/testing\/)|(^lib\/pipeline-tests\/)/;
// SQL that reads or writes a table of the app's own schema.
const APP_TABLE_SQL = /\b(from|into|update|join|table)\s+datamorph\.[a-z_]+/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx)$/.test(entry.name) ? [relative] : [];
  });
}

describe("the app's own tables", () => {
  it("are queried in lib/db only, so each rule on runs, users and events lives once", () => {
    const offenders = FOLDERS.flatMap(sourceFiles)
      .filter((file) => !EXEMPT.test(file))
      .flatMap((file) =>
        readFileSync(path.join(root, file), "utf8")
          .split("\n")
          .flatMap((line, i) => (APP_TABLE_SQL.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});

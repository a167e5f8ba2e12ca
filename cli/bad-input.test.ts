import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "@/lib/testing/run-cli";
import { useCliDatabase } from "@/lib/testing/test-database";

// A NUL cannot reach a program's arguments (they are C strings), so the CLI's hostile text is
// the terminal escape a pasted prompt or query can carry.
const ESC = "\u001b";

// Each case starts the CLI two or three times; on a busy machine one start takes seconds.
describe("datamorph refuses bad input and changes nothing", { timeout: 90_000 }, () => {
  const database = useCliDatabase();
  const datamorph = (args: string[]) => runCli(args, database.url);
  let scratch: string;
  const runCount = async () => (await database.sql`select count(*)::int as n from datamorph.runs`)[0].n as number;
  const publicTables = async () =>
    (await database.sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`).map(
      (r) => r.table_name as string,
    );

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "datamorph-bad-input-"));
  });

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it("run: a control character in the prompt or the target exits 2 with the web app's message, and no run is recorded", async () => {
    const prompt = await datamorph(["run", `orders per day${ESC}[2J`]);
    expect(prompt.code).toBe(2);
    expect(prompt.stdout).toBe("");
    expect(prompt.stderr).toBe(
      "datamorph: The prompt contains a control character (U+001B) at character 15; remove it (tabs and line breaks are fine) and send it again.\n",
    );
    const target = await datamorph(["run", "orders per day", "--target", "daily\u0007"]);
    expect(target.code).toBe(2);
    expect(target.stderr).toBe(
      "datamorph: The --target value contains a control character (U+0007) at character 6; remove it and send it again.\n",
    );
    expect(await runCount()).toBe(0);
  });

  it("sql: a control character in the query exits 2 before anything runs", async () => {
    const { code, stdout, stderr } = await datamorph(["sql", `select 1${ESC}`]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "datamorph: The query (sql) contains a control character (U+001B) at character 9; remove it (tabs and line breaks are fine) and send it again.\n",
    );
    expect((await datamorph(["sql", "select 1 as one\n", "--json"])).code).toBe(0);
  });

  it("import: system column names, binary content and pg_ names are refused by name, and no table is created", async () => {
    const before = await publicTables();
    const system = path.join(scratch, "system.csv");
    await writeFile(system, "id,xmin,Ctid\n1,2,3\n");
    const refused = await datamorph(["import", system]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'datamorph: system.csv has columns named "xmin" (column 2) and "Ctid" (column 3): Postgres keeps those names for its own system columns. Rename those headers (e.g. to xmin_value) and import it again.\n',
    );

    const binary = path.join(scratch, "binary.csv");
    await writeFile(binary, Buffer.from([0x69, 0x64, 0x0a, 0x31, 0x00, 0x0a]));
    expect((await datamorph(["import", binary])).stderr).toBe(
      "datamorph: binary.csv line 2 contains a NUL byte, so it is not a CSV text file; export the data as CSV (UTF-8 text) and import that.\n",
    );

    const named = await datamorph(["import", system, "--table", "pg_orders"]);
    expect(named.stderr).toContain('"pg_orders" cannot be a table name: Postgres reserves names that start with pg_.');
    expect(await publicTables()).toEqual(before);
  });

  it("import: a header that would colour the terminal is shown escaped", async () => {
    const file = path.join(scratch, "escape.csv");
    await writeFile(file, `a${ESC}[31m,a 31m\n1,2\n`);
    const { code, stderr } = await datamorph(["import", file]);
    expect(code).toBe(1);
    expect(stderr).not.toContain(ESC);
    expect(stderr).toBe(
      'datamorph: escape.csv has two columns named "a\\x1b[31m" and "a 31m" (both become a_31m): columns 1 and 2; column names must be unique.\n',
    );
  });
});

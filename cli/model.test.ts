import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { datasetDir } from "@/lib/testing/datasets";
import { loadSchemaDataset } from "@/lib/testing/load-schema-dataset";
import { runCli as datamorph } from "@/lib/testing/run-cli";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";

describe("datamorph model export / import", () => {
  let url: string;
  let sql: SqlClient;
  let drop: () => Promise<void>;
  const dir = mkdtempSync(path.join(tmpdir(), "datamorph-model-"));
  const file = path.join(dir, "model.yaml");

  beforeAll(async () => {
    const database = await createTestDatabase(testServers()[0]);
    url = database.url;
    drop = database.drop;
    sql = createSqlClient(url, "test");
    await loadSchemaDataset(sql, datasetDir("jaffle_shop"));
  });
  afterAll(async () => {
    await sql?.end();
    await drop?.();
  });

  it("exports the generated model as YAML to a file", async () => {
    const { code, stdout, stderr } = await datamorph(["model", "export", "--out", file], url);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/Semantic model version 1 \(generated now\): 3 entities, 2 relationships → /);
    const yaml = readFileSync(file, "utf8");
    expect(yaml).toContain(
      "  - table: public.raw_orders\n    name: raw order\n    plural: raw orders\n    words: [order]\n",
    );
    expect(yaml).toContain(
      "{column: status, words: [status], values: [completed, placed, return_pending, returned, shipped]}",
    );
  });

  it("imports an edited file as the current version, which the next export shows", async () => {
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("    name: raw order\n", "    name: raw order\n    synonyms: [purchase]\n"),
    );
    const imported = await datamorph(["model", "import", file, "--json"], url);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ version: 2, source: "imported", entities: 3, relationships: 2 });
    const exported = await datamorph(["model", "export"], url);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(
      "    name: raw order\n    plural: raw orders\n    words: [order]\n    synonyms: [purchase]\n",
    );
    expect(exported.stderr).toMatch(/version 2 \(imported\)/);
  });

  it("refuses a file with a wrong value, naming where it is, with exit code 2", async () => {
    writeFileSync(file, readFileSync(file, "utf8").replace("default_agg: sum", "default_agg: total"));
    const { code, stderr } = await datamorph(["model", "import", file], url);
    expect(code).toBe(2);
    expect(stderr).toMatch(/entities\[\d+\] \(public\.raw_payments\)\.measures\[0\]\.default_agg: .*"sum"/);
    const missing = await datamorph(["model", "import", path.join(dir, "nope.yaml")], url);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/There is no file/);
  });

  it("exports the approved knowledge and verified examples with their provenance; importing the file leaves them alone", async () => {
    const [user] = await sql`insert into datamorph.users (email, name, password_hash, role)
      values ('ada@example.com', 'Ada', 'x', 'admin') returning id`;
    const [run] =
      await sql`insert into datamorph.runs (user_id, prompt) values (${user.id}, 'order totals') returning id`;
    await sql`insert into datamorph.knowledge (warehouse, kind, phrase, meaning, created_by, run_id, approved)
      values ('public', 'reading', 'takings', 'raw_payments.amount', ${user.id}, ${run.id}, true),
             ('public', 'reading', 'pending words', 'raw_orders', ${user.id}, ${run.id}, false)`;
    await sql`insert into datamorph.verified_examples (warehouse, prompt, spec, created_by, run_id, approved)
      values ('public', 'order totals', '{}', ${user.id}, ${run.id}, true)`;
    const exported = await datamorph(["model", "export", "--out", file], url);
    expect(exported.code).toBe(0);
    const yaml = readFileSync(file, "utf8");
    expect(yaml).toMatch(
      new RegExp(
        `user_overlay:\\n  knowledge:\\n    - phrase: takings\\n      meaning: raw_payments.amount\\n      kind: reading\\n      by: ada@example.com\\n      at: \\S+Z\\n      run: ${run.id}\\n  verified_examples:\\n    - prompt: order totals\\n`,
      ),
    );
    expect(yaml).not.toContain("pending words");

    const imported = await datamorph(["model", "import", file, "--json"], url);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/was not imported: they are managed on the Knowledge page/);
    expect(JSON.parse(imported.stdout).ignored).toMatch(/Knowledge page/);
    const [{ n }] = await sql`select count(*)::int as n from datamorph.knowledge`;
    expect(n).toBe(2);
  });
});

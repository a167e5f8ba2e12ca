import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCatalog } from "@/lib/catalog/read-catalog";
import { createDatabase, createSqlClient, type Database, type SqlClient } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import type { RoleClients } from "@/lib/db/role-clients";
import { setUpAndOpenRoles } from "@/lib/db/set-up-roles";
import { datasetDir } from "@/lib/testing/datasets";
import { loadSchemaDataset } from "@/lib/testing/load-schema-dataset";
import { createTestDatabase, testServers, type TestServer } from "@/lib/testing/test-database";
import { loadSemanticModel, saveImportedModel, type ModelSource } from "./load-model";
import { exportModelYaml, ModelImportError } from "./model-yaml";
import { readValueIndex } from "./read-value-index";

/** jaffle_shop (from its schema.sql and CSVs, analyzed) in a migrated database with DataMorph's logins; dropped after the block. */
function useJaffleShopWithRoles(server: TestServer): { owner: SqlClient; roles: RoleClients } {
  const opened = {} as { owner: SqlClient; roles: RoleClients };
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const database = await createTestDatabase(server);
    drop = database.drop;
    opened.owner = createSqlClient(database.url, "test", 2);
    await loadSchemaDataset(opened.owner, datasetDir("jaffle_shop"));
    await opened.owner`analyze`;
    await runMigrations(opened.owner);
    opened.roles = await setUpAndOpenRoles(opened.owner, database.url, {
      sourceSchemas: ["public"],
      targetSchema: "public",
    });
  });
  afterAll(async () => {
    await Promise.all([opened.owner?.end(), opened.roles?.reader.end(), opened.roles?.builder.end()]);
    await drop?.();
  });
  return opened;
}

describe.each(testServers())("stored semantic models ($name Postgres)", (server) => {
  const warehouse = useJaffleShopWithRoles(server);
  let owner: SqlClient;
  let roles: RoleClients;
  let db: Database;
  let source: ModelSource;

  beforeAll(() => {
    ({ owner, roles } = warehouse);
    db = createDatabase(owner);
    source = { db, reader: roles.reader, sourceSchemas: ["public"] };
  });

  it("generates the first version on first use, with the value index, then serves it from storage", async () => {
    const first = await loadSemanticModel(source);
    expect(first).toMatchObject({ version: 1, source: "generated", generatedNow: true });
    expect(
      first.model.entities.find((e) => e.table === "public.raw_orders")?.dimensions.find((d) => d.column === "status")
        ?.values,
    ).toContain("shipped");
    const again = await loadSemanticModel(source);
    expect(again).toMatchObject({ version: 1, generatedNow: false });
    expect(exportModelYaml(again.model)).toBe(exportModelYaml(first.model));
  });

  it("ignores tables DataMorph published: the model stays the same version", async () => {
    await owner`create table public.customer_order_counts as select user_id, count(*) as orders from public.raw_orders group by user_id`;
    const [user] =
      await owner`insert into datamorph.users (email, name, password_hash) values ('ada@example.com', 'Ada', '!') returning id`;
    await owner`insert into datamorph.runs (user_id, prompt, status, target_schema, target_table) values (${user.id}, 'orders per customer', 'succeeded', 'public', 'customer_order_counts')`;
    const loaded = await loadSemanticModel(source);
    expect(loaded).toMatchObject({ version: 1, generatedNow: false });
    expect(loaded.model.entities.map((e) => e.table)).not.toContain("public.customer_order_counts");
  });

  it("regenerates a new version when the catalog changes", async () => {
    await owner`alter table public.raw_customers add column signup_date date`;
    const loaded = await loadSemanticModel(source);
    expect(loaded).toMatchObject({ version: 2, generatedNow: true });
    expect(
      loaded.model.entities.find((e) => e.table === "public.raw_customers")?.timeDimensions.map((t) => t.column),
    ).toEqual(["signup_date"]);
    const versions = await owner`select version, source from datamorph.semantic_models order by version`;
    expect(versions).toEqual([
      { version: 1, source: "generated" },
      { version: 2, source: "generated" },
    ]);
  });

  it("keeps an imported model as the current version until the catalog changes again", async () => {
    const { model } = await loadSemanticModel(source);
    const edited = {
      ...model,
      entities: model.entities.map((e) => (e.table === "public.raw_orders" ? { ...e, synonyms: ["purchase"] } : e)),
    };
    const imported = await saveImportedModel({ ...source, model: edited });
    expect(imported).toMatchObject({ version: 3, source: "imported" });
    const loaded = await loadSemanticModel(source);
    expect(loaded).toMatchObject({ version: 3, source: "imported", generatedNow: false });
    expect(loaded.model.entities.find((e) => e.table === "public.raw_orders")?.synonyms).toEqual(["purchase"]);
  });

  it("refuses an import that names a column the warehouse does not have, and stores nothing", async () => {
    const { model } = await loadSemanticModel(source);
    const wrong = {
      ...model,
      entities: model.entities.map((e) => (e.table === "public.raw_orders" ? { ...e, label: ["order_name"] } : e)),
    };
    await expect(saveImportedModel({ ...source, model: wrong })).rejects.toThrow(ModelImportError);
    await expect(saveImportedModel({ ...source, model: wrong })).rejects.toThrow(
      /public\.raw_orders has no column "order_name"/,
    );
    const [{ latest }] = await owner`select max(version)::int as latest from datamorph.semantic_models`;
    expect(latest).toBe(3);
  });

  it("lets an import add a published table back", async () => {
    const { model } = await loadSemanticModel(source);
    const counts = {
      table: "public.customer_order_counts",
      name: "customer order count",
      plural: "customer order counts",
      key: [],
      label: [],
      dimensions: [],
      timeDimensions: [],
      measures: [{ column: "orders", words: ["orders"], defaultAgg: "sum" as const }],
      flags: [],
    };
    const imported = await saveImportedModel({ ...source, model: { ...model, entities: [...model.entities, counts] } });
    expect(imported.model.entities.map((e) => e.table)).toContain("public.customer_order_counts");
  });

  it("carries the imported edits over when the catalog changes and the model is generated again", async () => {
    const { model, version } = await loadSemanticModel(source);
    const payments = model.entities.find((e) => e.table === "public.raw_payments")!;
    const edited = {
      ...model,
      entities: model.entities.map((e) =>
        e === payments
          ? {
              ...e,
              measures: e.measures.map((m) =>
                m.column === "amount" ? { ...m, synonyms: ["takings"], defaultAgg: "avg" as const } : m,
              ),
            }
          : e,
      ),
    };
    await saveImportedModel({ ...source, model: edited });
    await owner`alter table public.raw_payments add column refunded_at date`;

    const regenerated = await loadSemanticModel(source);
    expect(regenerated).toMatchObject({
      version: version + 2,
      source: "generated",
      generatedNow: true,
      editsFrom: version + 1,
    });
    const entity = (table: string) => regenerated.model.entities.find((e) => e.table === table);
    expect(entity("public.raw_payments")?.measures.find((m) => m.column === "amount")).toMatchObject({
      synonyms: ["takings"],
      defaultAgg: "avg",
    });
    expect(entity("public.raw_payments")?.timeDimensions.map((t) => t.column)).toContain("refunded_at");
    expect(entity("public.raw_orders")?.synonyms).toEqual(["purchase"]);
    expect(entity("public.customer_order_counts"), "a published table a user added stays").toBeDefined();
    expect(entity("public.raw_payments")?.dimensions.find((d) => d.column === "payment_method")?.values).toContain(
      "coupon",
    );
    expect(await loadSemanticModel(source)).toMatchObject({
      version: version + 2,
      generatedNow: false,
      editsFrom: version + 1,
    });
  });
});

describe.each(testServers())("reading the value index ($name Postgres)", (server) => {
  const warehouse = useJaffleShopWithRoles(server);
  let owner: SqlClient;
  let roles: RoleClients;

  beforeAll(() => {
    ({ owner, roles } = warehouse);
  });

  const columnOf = (index: Awaited<ReturnType<typeof readValueIndex>>, table: string, column: string) =>
    index.columns.find((c) => c.table === table && c.column === column);

  it("lists few-valued columns, and marks a column with more values than the limit as too many", async () => {
    const catalog = await readCatalog(roles.reader, ["public"]);
    const index = await readValueIndex(roles.reader, catalog, { maxDistinct: 4 });
    expect(columnOf(index, "raw_payments", "payment_method")?.values).toEqual([
      "bank_transfer",
      "coupon",
      "credit_card",
      "gift_card",
    ]);
    expect(columnOf(index, "raw_orders", "status")?.values).toBeNull();
    expect(columnOf(index, "raw_payments", "amount")?.values).toBeNull();
  });

  it("samples a table larger than the bound and says so", async () => {
    await owner`create table public.events as select g as id, (array['open', 'closed', 'merged'])[1 + g % 3] as state from generate_series(1, 20000) g`;
    await owner`analyze public.events`;
    const catalog = await readCatalog(roles.reader, ["public"]);
    const index = await readValueIndex(roles.reader, catalog, { sampleRows: 5_000 });
    expect(columnOf(index, "events", "state")).toEqual({
      schema: "public",
      table: "events",
      column: "state",
      values: ["closed", "merged", "open"],
      sampled: true,
    });
    expect(columnOf(index, "raw_orders", "status")?.sampled).toBeUndefined();
  });

  it("stops at its time budget and reports the index incomplete", async () => {
    const catalog = await readCatalog(roles.reader, ["public"]);
    expect(await readValueIndex(roles.reader, catalog, { timeBudgetMs: 0 })).toEqual({ columns: [], complete: false });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCatalog } from "@/lib/catalog/read-catalog";
import { readSampleValues } from "@/lib/catalog/sample-values";
import type { Catalog } from "@/lib/catalog/types";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { importDataset, type DatasetName } from "@/lib/testing/datasets";
import { createTestDatabase, testServers } from "@/lib/testing/test-database";
import { datasetCases } from "./dataset-cases";
import { rowDifference, runBoth } from "./same-rows";

const [server] = testServers();

describe.each(Object.keys(datasetCases) as DatasetName[])(
  "prompt forms on the %s dataset, imported with the CSV importer",
  (name) => {
    let sql: SqlClient;
    let drop: () => Promise<void>;
    let context: { catalog: Catalog; sampleValues: Record<string, string[]> };

    beforeAll(async () => {
      const database = await createTestDatabase(server);
      drop = database.drop;
      sql = createSqlClient(database.url, "test");
      await importDataset(sql, name, "public");
      // Sample values come from the planner statistics, as they do after a real import.
      await sql`analyze`;
      context = { catalog: await readCatalog(sql, ["public"]), sampleValues: await readSampleValues(sql, ["public"]) };
    });

    afterAll(async () => {
      await sql?.end();
      await drop?.();
    });

    it.each(datasetCases[name])("$prompt: builds the rows the hand-written query returns", async (c) => {
      const { actual, expected, sql: generated } = await runBoth(sql, context, c);
      expect(expected.length, "the hand-written query should return rows").toBeGreaterThan(0);
      expect(rowDifference(actual, expected), generated).toEqual({ missing: [], extra: [] });
      expect(actual.length).toBe(expected.length);
    });
  },
);

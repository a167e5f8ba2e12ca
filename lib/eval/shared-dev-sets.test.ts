import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runPipeline } from "@/agents/orchestrator";
import { formatEvalSummary } from "@/cli/eval-summary";
import { datasetDir, type DatasetName } from "@/lib/testing/datasets";
import { loadSchemaDataset } from "@/lib/testing/load-schema-dataset";
import { offlineEvaluationOptions } from "@/lib/testing/evaluation-options";
import { useWarehouseDatabases } from "@/lib/testing/warehouse-database";
import { loadEvalCases } from "./cases";
import { runEvaluation, type CaseResult } from "./run-eval";
import { summarise, summariseByFile } from "./summary";

// The development sets written apart from the product (../shared/evals, beside the repository),
// run the way `datamorph eval` runs them: every prompt through the offline planner and the real
// pipeline, on its dataset loaded from schema.sql and CSVs. They measure the planner: no case may
// be silently wrong (a table published that does not answer the request), no case may break the
// evaluation itself, and no file may lose a correct case (its floor, below).
const repoRoot = path.resolve(import.meta.dirname, "../..");
const evalsDir = path.resolve(repoRoot, "../shared/evals");

// The correct cases per file reached so far: a floor, so a change that loses one shows up here
// (refusals are left out, as questions may replace some of them).
const floors: Record<string, number> = {
  "dev-northwind": 29,
  "dev-chinook": 30,
  "dev-jaffle_shop": 17,
  "dev-classicmodels": 17,
  "dev-demo": 27,
};

const evaluated: CaseResult[] = [];

afterAll(() => {
  if (evaluated.length > 0)
    console.log(`shared dev sets:\n${formatEvalSummary(summariseByFile(evaluated), summarise(evaluated))}`);
});

const prepare = useWarehouseDatabases((sql, name) =>
  loadSchemaDataset(sql, datasetDir(name as DatasetName | "classicmodels")),
);

describe("the shared development sets", () => {
  it.each(Object.keys(floors))(
    "%s has no silently wrong case and no broken case",
    async (file) => {
      const cases = await loadEvalCases([path.join(evalsDir, `${file}.json`)]);
      const url = await prepare(cases[0].database!);
      const started = performance.now();
      const results = await runEvaluation(
        cases.map((c) => ({ ...c, database: url })),
        {
          runPipeline,
          defaultUrl: url,
          dataDir: mkdtempSync(path.join(tmpdir(), "datamorph-dev-eval-")),
          options: offlineEvaluationOptions,
        },
      );
      const [totals] = summariseByFile(results);
      evaluated.push(...results);
      const misses = results.filter(
        (r) => r.outcome === "silently_wrong" || r.outcome === "refused_wrong_reason" || r.outcome === "error",
      );
      console.log(
        `${file}: ${JSON.stringify(totals)} in ${Math.round(performance.now() - started)} ms\n${misses.map((r) => `${r.id} [${r.outcome}] ${r.reason ?? ""}`).join("\n")}`,
      );

      expect(results.filter((r) => r.outcome === "error").map((r) => `${r.id}: ${r.reason}`)).toEqual([]);
      expect(results.filter((r) => r.outcome === "silently_wrong").map((r) => r.id)).toEqual([]);
      expect(totals.correct).toBeGreaterThanOrEqual(floors[file]);
    },
    600_000,
  );
});

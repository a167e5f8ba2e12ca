import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Database } from "@/lib/db/client";
import { createEvalRun } from "@/lib/db/queries/evals";
import packageJson from "@/package.json";
import type { CaseResult } from "./run-eval";
import { summarise } from "./summary";

/** The version evaluated: the package version and, in a git checkout, the commit. */
async function currentVersion(): Promise<string> {
  const commit = await promisify(execFile)("git", ["rev-parse", "--short", "HEAD"]).then(
    (r) => r.stdout.trim(),
    () => "",
  );
  return commit ? `${packageJson.version}+${commit}` : packageJson.version;
}

/** Keeps an evaluation's totals and per-case outcomes, so accuracy can be followed over time. */
export async function storeEvaluation(
  db: Database,
  { files, planner, results }: { files: string[]; planner: string; results: CaseResult[] },
): Promise<string> {
  return createEvalRun({
    db,
    version: await currentVersion(),
    planner,
    files,
    totals: summarise(results),
    results: results.map((r) => ({
      caseId: r.id,
      prompt: r.prompt,
      outcome: r.outcome,
      expected: r.expected,
      reason: r.reason ?? null,
      runId: r.runId ?? null,
      ms: r.ms,
    })),
  });
}

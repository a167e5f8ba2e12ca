import { runPipeline } from "@/agents/orchestrator";
import { getDb, resolveDatabaseUrl } from "@/lib/db";
import { loadEvalCases } from "@/lib/eval/cases";
import { runEvaluation } from "@/lib/eval/run-eval";
import { storeEvaluation } from "@/lib/eval/store-results";
import { summarise, summariseByFile } from "@/lib/eval/summary";
import type { Command } from "./commands";
import { formatEvalSummary, outcomeMark } from "./eval-summary";
import { CliError, formatTable } from "./output";

export const evalCommand: Command = {
  usage:
    "Usage: npm run -s datamorph -- eval <file.json|file.yaml>… [--only id,…] [--json]\nThe planner is the configured one (DATAMORPH_PLANNER).\nExit code: 0 when no case is silently wrong, 1 otherwise.",
  options: {
    json: { type: "boolean" },
    only: { type: "string" },
    help: { type: "boolean" },
  },
  async run({ values, positionals, env }) {
    if (positionals.length === 0)
      throw new CliError("Name at least one eval file, e.g. eval lib/eval/corpus/demo.json", 2);
    const only = values.only
      ? String(values.only)
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean)
      : [];
    const planner = env.planner;
    const cases = await loadEvalCases(positionals, only).catch((error: Error) => {
      throw new CliError(error.message, 2);
    });
    const results = await runEvaluation(cases, {
      runPipeline,
      defaultUrl: resolveDatabaseUrl(),
      dataDir: env.dataDir,
      options: {
        sourceSchemas: env.sourceSchemas,
        targetSchema: env.targetSchema,
        maxRepairRounds: 3,
        statementTimeoutMs: 5 * 60_000,
        planner,
        bedrockModelId: env.bedrockModelId,
        bedrockTemperature: env.bedrockTemperature,
        bedrockMaxTokens: env.bedrockMaxTokens,
      },
      onCase: (r) =>
        process.stderr.write(
          `${outcomeMark[r.outcome]} ${r.id} ${r.outcome}${r.ok ? "" : r.reason ? `: ${r.reason}` : ""}\n`,
        ),
    });
    const totals = summarise(results);
    const files = summariseByFile(results);
    const evalRunId = await storeEvaluation(getDb(), { files: positionals, planner, results });
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ evalRunId, totals, files, cases: results })}\n`);
    } else {
      process.stdout.write(
        formatTable(
          ["case", "outcome", "ms", "reason"],
          results.map((r) => [r.id, r.outcome, r.ms, r.reason ?? ""]),
        ),
      );
      process.stdout.write(`\n${formatEvalSummary(files, totals)}`);
    }
    return totals.silentlyWrong > 0 ? 1 : 0;
  },
};

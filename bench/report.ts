import { createLocalArtifactStore } from "@/lib/artifacts/store";
import { createRunReportPdf } from "@/lib/report/report-pdf";
import type { PipelineHarness } from "@/agents/testing/pipeline-harness";
import { SEED } from "./pipeline";
import { quantile, round } from "./stats";

// pdfkit writes page objects uncompressed, so counting them needs no PDF reader.
const countPages = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;

/**
 * What a report download costs: the seed run's report loaded and rendered 5 times, the first
 * included (it loads the fonts), as a user's first download would.
 */
export async function benchReport(h: PipelineHarness) {
  const outcome = await h.run(SEED, { targetTable: "report_bench" });
  const artifacts = createLocalArtifactStore(h.sql, h.artifactsDir);
  const times: number[] = [];
  let last: Buffer | undefined;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    last = (await createRunReportPdf({ sql: h.sql, artifacts, runId: outcome.runId })).pdf;
    times.push(performance.now() - started);
  }
  return {
    p50Ms: round(quantile(times, 0.5), 0),
    maxMs: round(Math.max(...times), 0),
    pages: countPages(last!),
    bytes: last!.byteLength,
  };
}

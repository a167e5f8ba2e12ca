import type { ArtifactStore } from "@/lib/artifacts/store";
import type { SqlClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { loadRunReport } from "./load-report";
import { renderRunReport } from "./render";

/** The report of run `runId` as PDF bytes, with the file name a download should get. */
export async function createRunReportPdf({
  sql,
  artifacts,
  runId,
}: {
  sql: SqlClient;
  artifacts: ArtifactStore;
  runId: string;
}): Promise<{ pdf: Buffer; filename: string }> {
  const report = await loadRunReport({ sql, artifacts, runId });
  if (!report) throw new AppError("not_found", "No such run. It may belong to someone else, or the link is wrong.");
  return { pdf: await renderRunReport(report), filename: `datamorph-run-${report.id.slice(0, 8)}.pdf` };
}

// GET /api/runs/[id]/report.pdf – run report as PDF
import { getArtifactStore } from "@/lib/artifacts/current";
import { getSql } from "@/lib/db";
import { withUser } from "@/lib/http/handler";
import { createRunReportPdf } from "@/lib/report/report-pdf";
import { getRunForUser } from "@/lib/runs/access";

export const dynamic = "force-dynamic";

export const GET = withUser<{ id: string }>("GET /api/runs/[id]/report.pdf", async (_request, user, { id }) => {
  const run = await getRunForUser({ id, user });
  const { pdf, filename } = await createRunReportPdf({ sql: getSql(), artifacts: getArtifactStore(), runId: run.id });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(pdf.byteLength),
      // The report samples the live table and a running run's log grows, so every download is fresh.
      "Cache-Control": "no-store",
    },
  });
});

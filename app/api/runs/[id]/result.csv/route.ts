// GET /api/runs/[id]/result.csv – the run's published table as CSV (?sort=column&dir=asc|desc)
import { getRoleClients } from "@/lib/db";
import { withUser } from "@/lib/http/handler";
import { getRunForUser } from "@/lib/runs/access";
import { runResultCsv } from "@/lib/runs/result-download";
import { parseSortKey } from "@/lib/runs/result-order";
import { loadRunSpec } from "@/lib/runs/run-spec";
import { getPublishState } from "@/lib/tables/publish-state";

export const dynamic = "force-dynamic";

export const GET = withUser<{ id: string }>("GET /api/runs/[id]/result.csv", async (request, user, { id }) => {
  const run = await getRunForUser({ id, user });
  const query = new URL(request.url).searchParams;
  const { filename, body } = await runResultCsv({
    run,
    published: await getPublishState({ run }),
    spec: await loadRunSpec(run.id),
    reader: (await getRoleClients()).reader,
    requested: parseSortKey(query.get("sort"), query.get("dir")),
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      // A later run may replace the table: every download reads it afresh.
      "Cache-Control": "no-store",
    },
  });
});

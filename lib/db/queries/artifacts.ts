import type { SqlClient } from "@/lib/db/client";

/** Records where one artifact of a run lives; a run keeps one per kind, so a kind written again replaces its row. */
export async function recordArtifact({
  sql,
  runId,
  kind,
  uri,
  contentType,
  bytes,
}: {
  sql: SqlClient;
  runId: string;
  kind: string;
  uri: string;
  contentType: string;
  bytes: number;
}): Promise<void> {
  await sql`
    insert into datamorph.artifacts (run_id, kind, uri, content_type, bytes)
    values (${runId}, ${kind}, ${uri}, ${contentType}, ${bytes})
    on conflict (run_id, kind) do update set uri = excluded.uri, bytes = excluded.bytes, updated_at = now()`;
}

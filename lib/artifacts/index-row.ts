import type { ArtifactKind } from "@/lib/artifacts/store";
import type { SqlClient } from "@/lib/db/client";

/** The content type an artifact of each kind is stored and served with, whichever store keeps it. */
export const artifactContentTypes: Record<ArtifactKind, string> = {
  "spec.json": "application/json",
  "query.sql": "application/sql",
  "job.py": "text/x-python",
  "tests.json": "application/json",
  "report.pdf": "application/pdf",
  "questions.json": "application/json",
  "answers.json": "application/json",
};

/**
 * Records where one run artifact lives in `datamorph.artifacts`. A run keeps one artifact per
 * kind, so writing a kind again replaces its row.
 */
export async function indexArtifact(
  sql: SqlClient,
  { runId, kind, uri, content }: { runId: string; kind: ArtifactKind; uri: string; content: string | Uint8Array },
): Promise<void> {
  const bytes = typeof content === "string" ? Buffer.byteLength(content) : content.byteLength;
  await sql`
    insert into datamorph.artifacts (run_id, kind, uri, content_type, bytes)
    values (${runId}, ${kind}, ${uri}, ${artifactContentTypes[kind]}, ${bytes})
    on conflict (run_id, kind) do update set uri = excluded.uri, bytes = excluded.bytes, updated_at = now()`;
}

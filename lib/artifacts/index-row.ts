import type { ArtifactKind } from "@/lib/artifacts/store";
import type { SqlClient } from "@/lib/db/client";
import { recordArtifact } from "@/lib/db/queries/artifacts";

/** The content type an artifact of each kind is stored and served with, whichever store keeps it. */
export const artifactContentTypes: Record<ArtifactKind, string> = {
  "spec.json": "application/json",
  "query.sql": "application/sql",
  "job.py": "text/x-python",
  "tests.json": "application/json",
  "report.pdf": "application/pdf",
  "review.json": "application/json",
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
  await recordArtifact({ sql, runId, kind, uri, contentType: artifactContentTypes[kind], bytes });
}

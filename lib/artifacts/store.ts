import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SqlClient } from "@/lib/db/client";

export type ArtifactKind = "spec.json" | "query.sql" | "job.py" | "tests.json" | "report.pdf";

const contentTypes: Record<ArtifactKind, string> = {
  "spec.json": "application/json",
  "query.sql": "application/sql",
  "job.py": "text/x-python",
  "tests.json": "application/json",
  "report.pdf": "application/pdf",
};

/** Keeps the files a run produces; the local folder here, S3 on AWS. Indexed in `datamorph.artifacts`. */
export interface ArtifactStore {
  put(runId: string, kind: ArtifactKind, content: string | Uint8Array): Promise<{ uri: string }>;
  get(runId: string, kind: ArtifactKind): Promise<Buffer | null>;
}

/** Artifacts under `<dataDir>/artifacts/<runId>/<kind>`. */
export function createLocalArtifactStore(sql: SqlClient, dataDir: string): ArtifactStore {
  const root = path.join(dataDir, "artifacts");
  return {
    async put(runId, kind, content) {
      const file = path.join(root, runId, kind);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
      const uri = `file://${file}`;
      const bytes = typeof content === "string" ? Buffer.byteLength(content) : content.byteLength;
      await sql`
        insert into datamorph.artifacts (run_id, kind, uri, content_type, bytes)
        values (${runId}, ${kind}, ${uri}, ${contentTypes[kind]}, ${bytes})
        on conflict (run_id, kind) do update set uri = excluded.uri, bytes = excluded.bytes, updated_at = now()`;
      return { uri };
    },
    async get(runId, kind) {
      return readFile(path.join(root, runId, kind)).catch(() => null);
    },
  };
}

import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { indexArtifact } from "@/lib/artifacts/index-row";
import type { SqlClient } from "@/lib/db/client";

export type ArtifactKind =
  | "spec.json"
  | "query.sql"
  | "job.py"
  | "tests.json"
  | "report.pdf"
  | "review.json"
  | "questions.json"
  | "answers.json";

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
      await indexArtifact(sql, { runId, kind, uri, content });
      return { uri };
    },
    async get(runId, kind) {
      return readFile(path.join(root, runId, kind)).catch(() => null);
    },
  };
}

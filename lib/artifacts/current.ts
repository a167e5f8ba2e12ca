import { getS3Client } from "@/lib/aws/clients";
import { getSql } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { createS3ArtifactStore } from "./s3-store";
import { createLocalArtifactStore, type ArtifactStore } from "./store";

const cache = globalThis as unknown as { datamorphArtifactStore?: ArtifactStore };

/** The process-wide artifact store: S3 when a bucket is configured (AWS), else the data folder. */
export function getArtifactStore(): ArtifactStore {
  cache.datamorphArtifactStore ??= createArtifactStore();
  return cache.datamorphArtifactStore;
}

function createArtifactStore(): ArtifactStore {
  const env = getEnv();
  if (env.artifactsBucket)
    return createS3ArtifactStore({ sql: getSql(), client: getS3Client(), bucket: env.artifactsBucket });
  return createLocalArtifactStore(getSql(), env.dataDir);
}

import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { artifactContentTypes, indexArtifact } from "@/lib/artifacts/index-row";
import type { ArtifactStore } from "@/lib/artifacts/store";
import type { SqlClient } from "@/lib/db/client";

export type S3ArtifactStoreOptions = {
  sql: SqlClient;
  client: S3Client;
  bucket: string;
  /** Prepended to every key as is, so a prefix meant as a folder ends in `/`. */
  prefix?: string;
};

/** Artifacts as objects `<prefix>runs/<runId>/<kind>` in `bucket`, indexed like the local store. */
export function createS3ArtifactStore({ sql, client, bucket, prefix = "" }: S3ArtifactStoreOptions): ArtifactStore {
  const keyOf = (runId: string, kind: string) => `${prefix}runs/${runId}/${kind}`;
  return {
    async put(runId, kind, content) {
      const key = keyOf(runId, kind);
      // The object goes first: an index row must never point at something that is not there.
      await client
        .send(
          new PutObjectCommand({ Bucket: bucket, Key: key, Body: content, ContentType: artifactContentTypes[kind] }),
        )
        .catch((error: unknown) => {
          throw new Error(
            `The run's ${kind} could not be stored in S3 (s3://${bucket}/${key}): ${error instanceof Error ? error.message : String(error)}. Check the AWS region, the credentials and the bucket's permissions.`,
            { cause: error },
          );
        });
      const uri = `s3://${bucket}/${key}`;
      await indexArtifact(sql, { runId, kind, uri, content });
      return { uri };
    },
    async get(runId, kind) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(runId, kind) }));
        if (!object.Body) return null;
        const bytes = await object.Body.transformToByteArray();
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        throw error;
      }
    },
  };
}

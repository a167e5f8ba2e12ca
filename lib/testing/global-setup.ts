import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureEmbeddedPostgres, stopEmbeddedPostgres } from "@/lib/db/embedded";

// Integration tests share one embedded cluster (its own data folder and port); each test file
// creates a fresh database in it, and in TEST_DATABASE_URL's server when that is set.
const dataDir = path.resolve(".data/test");

export default async function setup(project: TestProject) {
  // Another checkout's tests may hold the default port; DATAMORPH_TEST_PG_PORT moves this one.
  const port = Number(process.env.DATAMORPH_TEST_PG_PORT ?? 54391);
  const server = await ensureEmbeddedPostgres({ dataDir, port });
  project.provide("embeddedUrl", server.superuserUrl);
  return async () => {
    await stopEmbeddedPostgres(dataDir, { onlyIfIdle: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    embeddedUrl: string;
  }
}

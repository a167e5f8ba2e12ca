import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureEmbeddedPostgres, stopEmbeddedPostgres } from "@/lib/db/embedded";

// Integration tests share one embedded cluster (its own data folder and port); each test file
// creates a fresh database in it, and in TEST_DATABASE_URL's server when that is set.
const dataDir = path.resolve(".data/test");

export default async function setup(project: TestProject) {
  const server = await ensureEmbeddedPostgres({ dataDir, port: 54391 });
  project.provide("embeddedUrl", server.url);
  return async () => {
    await stopEmbeddedPostgres(dataDir, { onlyIfIdle: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    embeddedUrl: string;
  }
}

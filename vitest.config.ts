import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["{lib,agents,cli,bench}/**/*.test.ts"],
    globalSetup: ["lib/testing/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Integration tests share one embedded cluster; files run in parallel against separate databases.
    pool: "forks",
    // Most files wait on Postgres or on CLI processes they start: two at a time keep both cores busy.
    maxWorkers: 2,
  },
});

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
    // Most files wait on Postgres, on CLI processes they start or on a scheduler's clock: three at
    // a time keep two cores busy.
    maxWorkers: 3,
  },
});

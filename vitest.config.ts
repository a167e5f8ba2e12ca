import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["{lib,agents,cli,bench}/**/*.test.ts"],
    globalSetup: ["lib/testing/global-setup.ts"],
    // Generous: the suite runs beside the browser tests, and tests that start the CLI or build
    // tables wait for the machine, not for a goal (speed is measured by `npm run bench`).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Integration tests share one embedded cluster; files run in parallel against separate databases.
    pool: "forks",
    // Most files wait on Postgres, on CLI processes they start or on a scheduler's clock; two at a
    // time beside the browser tests keep two cores busy without starving either.
    maxWorkers: 2,
  },
});

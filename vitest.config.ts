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
    // Most files wait on Postgres, on CLI processes they start or on a scheduler's clock, so the
    // cores sit idle more than half the time with two at a time: three keep them busy beside the
    // browser tests without starving either.
    maxWorkers: 3,
  },
});

import { defineConfig, devices } from "@playwright/test";

// The app under test runs from `npm start` exactly as a user runs it, on a fresh embedded
// Postgres of its own (separate data folder and ports), in Debian's Chromium. PW_PORT moves
// the whole setup (web port, Postgres port, data folder) so two checkouts can run side by side.
const port = Number(process.env.PW_PORT ?? 3100);
const pgPort = 54392 + (port - 3100);
const dataDir = process.env.PW_PORT ? `.data/e2e-${port}` : ".data/e2e";
/** The app's data folder, where tests find the embedded warehouse's connection facts. */
export const e2eDataDir = dataDir;
const baseURL = `http://127.0.0.1:${port}`;
export const e2eAccessCode = "e2e-access-code";
/** Ports for a second copy of the app that a spec starts itself, next to the ones above. */
export const e2eSparePorts = { web: port + 1, pg: pgPort + 1 };

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/.output/results",
  // The browser tests share one app and one database, and many check what changed in them, so
  // they run one at a time; only the page checks (screens.spec.ts), which only look, run three at
  // once: they mostly wait on the browser and the app, which leaves the cores room.
  fullyParallel: false,
  workers: 3,
  retries: 0,
  // Generous: these run beside the unit and integration tests on the same cores, and wait for the
  // machine, not for a goal (speed is measured by `npm run bench`).
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /first-run\.setup\.ts/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "chromium",
      dependencies: ["setup"],
      testIgnore: /screens\.spec\.ts/,
      workers: 1,
      use: { ...devices["Desktop Chrome"], storageState: "e2e/.output/admin.json" },
    },
    {
      name: "screens",
      dependencies: ["chromium"],
      testMatch: /screens\.spec\.ts/,
      fullyParallel: true,
      use: { ...devices["Desktop Chrome"], storageState: "e2e/.output/admin.json" },
    },
  ],
  webServer: {
    command: "node --import tsx e2e/serve.ts",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      DATAMORPH_DATA_DIR: dataDir,
      DATAMORPH_PG_PORT: String(pgPort),
      PORT: String(port),
      DATAMORPH_ACCESS_CODE: e2eAccessCode,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});

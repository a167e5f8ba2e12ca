import { rm } from "node:fs/promises";
import { stopEmbeddedPostgres } from "@/lib/db/embedded";
import { getEnv } from "@/lib/env";

// Starts the app for the browser tests the way `npm start` does, but on a brand-new data folder
// every time, so each run meets the first-start experience. A cluster left by an aborted run is
// stopped first.
const { dataDir } = getEnv();
await stopEmbeddedPostgres(dataDir, { onlyIfIdle: false }).catch(() => false);
await rm(dataDir, { recursive: true, force: true });
await import("@/lib/server/start");

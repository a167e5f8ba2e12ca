import { database } from "./database";
import { vpc } from "./network";
import { settings } from "./settings";

// On AWS nothing runs `npm start`, so migrations (and recovery of runs a stopped process left
// behind) run in a function of their own.
export const migrator = new sst.aws.Function("Migrator", {
  handler: "lib/server/migrate-lambda.handler",
  description: "DataMorph: applies database migrations on deploy",
  timeout: "5 minutes",
  memory: "512 MB",
  vpc,
  link: [database],
  environment: settings.warehouse,
  // The bundle keeps the handler's path (lib/server/), and lib/db/migrate.ts reads the SQL files
  // two folders up from it: drizzle/ at the package root.
  copyFiles: [{ from: "drizzle", to: "drizzle" }],
});

/** This deploy's moment: invocations triggered by it run once per deploy. */
export const deployedAt = new Date().toISOString();

// Invoked on every deploy (the trigger changes each time) once the database and the new migrator
// code are in place. A failed migration fails the deploy before the web app and the orchestrator
// that need the new schema are updated: they depend on this.
export const migration = new aws.lambda.Invocation("Migration", {
  functionName: migrator.name,
  input: JSON.stringify({ deployedAt }),
  triggers: { deployedAt },
});

// An orchestrator that dies mid-run (a timeout, an out-of-memory kill) leaves its run "running"
// with no process behind it. Nothing on AWS restarts, so the same idempotent function also sweeps
// every few minutes: it marks such runs interrupted and drops their shadow tables.
new sst.aws.Cron("RecoverySweep", { schedule: "rate(5 minutes)", function: migrator.arn });

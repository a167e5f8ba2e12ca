import type { ParseArgsConfig } from "node:util";
import type { Env } from "@/lib/env";

export type CommandContext = {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  env: Env;
  log: (line: string) => void;
};

export type Command = {
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** What the positional arguments are, as messages name them; `multiline` when they may span lines. */
  argument?: { name: string; multiline?: boolean };
  run: (context: CommandContext) => Promise<number>;
};

/** A command as `--help` lists it; its code (and all it imports) loads only when it runs. */
export type CommandEntry = { summary: string; load: () => Promise<Command> };

export const commands: Record<string, CommandEntry> = {
  run: {
    summary: "Build a table from a plain-English request (plan, build, test, repair, publish)",
    load: () => import("./run").then((m) => m.runCommand),
  },
  build: {
    summary: "Build the plan of a run stopped for review (run --review), as planned or as edited",
    load: () => import("./build").then((m) => m.buildCommand),
  },
  answer: {
    summary: "Answer the questions a run waits on (run exits with 3 when it asks) and carry it on",
    load: () => import("./answer").then((m) => m.answerCommand),
  },
  verify: {
    summary: "Mark a succeeded run as right, so requests that say the same up to their values are planned from it",
    load: () => import("./verify").then((m) => m.verifyCommand),
  },
  sql: {
    summary: "Run one read-only query (the database refuses writes) and print the rows",
    load: () => import("./sql").then((m) => m.sqlCommand),
  },
  runs: { summary: "List recent runs", load: () => import("./runs").then((m) => m.runsCommand) },
  rollback: {
    summary: "Put back the version of a table that its latest run or upload replaced (once)",
    load: () => import("./rollback").then((m) => m.rollbackCommand),
  },
  status: {
    summary: "Show the database in use and the tables DataMorph can read",
    load: () => import("./status").then((m) => m.statusCommand),
  },
  import: {
    summary: "Load CSV files as tables (one per file, types inferred)",
    load: () => import("./import").then((m) => m.importCommand),
  },
  eval: {
    summary: "Run evaluation cases (prompt + gold SQL) through the pipeline and score them",
    load: () => import("./eval").then((m) => m.evalCommand),
  },
  demo: {
    summary: "Load the demo shop (customers, products, orders, order_items, payments) into a schema",
    load: () => import("./demo").then((m) => m.demoCommand),
  },
  db: {
    summary: "Show or apply the restricted database logins (reader, builder) DataMorph uses",
    load: () => import("./db").then((m) => m.dbCommand),
  },
  model: {
    summary: "Export or import the warehouse's semantic model (YAML)",
    load: () => import("./model").then((m) => m.modelCommand),
  },
  pipeline: {
    summary: "Save runs as pipelines and run, schedule, backfill and inspect them",
    load: () => import("./pipeline").then((m) => m.pipelineCommand),
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return [
    "DataMorph: describe the table you want in plain English; DataMorph builds, tests and publishes it.",
    "",
    "Usage: npm run -s datamorph -- <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "Run a command with --help for its options. DATABASE_URL selects a Postgres server;",
    "without it the embedded Postgres under .data/ is used (shared with a running web app).",
    "",
  ].join("\n");
}

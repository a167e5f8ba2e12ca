import type { ParseArgsConfig } from "node:util";
import type { Env } from "@/lib/env";
import { dbCommand } from "./db";
import { demoCommand } from "./demo";
import { evalCommand } from "./eval";
import { importCommand } from "./import";
import { rollbackCommand } from "./rollback";
import { runCommand } from "./run";
import { runsCommand } from "./runs";
import { sqlCommand } from "./sql";
import { statusCommand } from "./status";

export type CommandContext = {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  env: Env;
  log: (line: string) => void;
};

export type Command = {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** What the positional arguments are, as messages name them; `multiline` when they may span lines. */
  argument?: { name: string; multiline?: boolean };
  run: (context: CommandContext) => Promise<number>;
};

export const commands: Record<string, Command> = {
  run: runCommand,
  sql: sqlCommand,
  runs: runsCommand,
  rollback: rollbackCommand,
  status: statusCommand,
  import: importCommand,
  eval: evalCommand,
  demo: demoCommand,
  db: dbCommand,
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

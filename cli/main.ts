import { parseArgs } from "node:util";
import { closeDb } from "@/lib/db";
import { stopEmbeddedPostgres } from "@/lib/db/embedded";
import { getEnv } from "@/lib/env";
import { escapeControlCharacters } from "@/lib/log/safe-log";
import { prepareDatabase } from "@/lib/server/prepare";
import { checkArguments } from "./check-arguments";
import { commands, usage, type Command } from "./commands";
import { CliError } from "./output";

function parseCommandArgs(command: Command, args: string[]) {
  try {
    return parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : error}\n${command.usage}`, 2);
  }
}

// `npm run -s datamorph -- <command>`: DataMorph for scripts, CI and terminals.
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage());
    return 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) throw new CliError(`Unknown command "${name}". Run with --help to see the commands.`, 2);
  const command = await entry.load();
  const { values, positionals } = parseCommandArgs(command, rest);
  if (values.help) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  checkArguments(command, { values, positionals });
  const env = getEnv();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  await prepareDatabase(env, log);
  try {
    return await command.run({ values, positionals, env, log });
  } finally {
    await closeDb();
    // The last DataMorph process to leave stops the embedded cluster; a running web app keeps it up.
    if (env.mode === "embedded") await stopEmbeddedPostgres(env.dataDir, { onlyIfIdle: true }).catch(() => false);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  async (error: unknown) => {
    // Messages may quote input (a file name, a CSV header); it must not drive the terminal.
    process.stderr.write(
      `datamorph: ${escapeControlCharacters(error instanceof Error ? error.message : String(error), { keepNewlines: true })}\n`,
    );
    await closeDb().catch(() => {});
    process.exit(error instanceof CliError ? error.exitCode : 1);
  },
);

import { AppError } from "@/lib/errors";
import { runConsoleQuery } from "@/lib/query/console";
import type { Command } from "./commands";
import { CliError, formatTable } from "./output";

export const sqlCommand: Command = {
  usage: 'Usage: npm run -s datamorph -- sql "<select …>" [--limit <rows>] [--json]',
  argument: { name: "query (sql)", multiline: true },
  options: { json: { type: "boolean" }, limit: { type: "string" }, help: { type: "boolean" } },
  async run({ values, positionals }) {
    const limit = values.limit === undefined ? 1000 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
      throw new CliError("--limit must be a whole number from 1 to 100000.", 2);
    try {
      const result = await runConsoleQuery(positionals.join(" "), { rowLimit: limit });
      if (values.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
      } else {
        process.stdout.write(
          formatTable(
            result.columns,
            result.rows.map((row) => result.columns.map((c) => row[c])),
          ),
        );
        process.stderr.write(
          `${result.rows.length} row(s)${result.truncated ? ` (first ${limit}; use --limit for more)` : ""} in ${result.ms} ms\n`,
        );
      }
      return 0;
    } catch (error) {
      if (error instanceof AppError) throw new CliError(error.message, 1);
      throw error;
    }
  },
};

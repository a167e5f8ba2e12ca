import { checkPlainText } from "@/lib/input/plain-text";
import type { Command, CommandContext } from "./commands";
import { CliError } from "./output";

/**
 * Refuses control characters and broken characters in a command's text before anything runs,
 * with the same message the web app gives and exit code 2 (rejected input). The positionals
 * are checked as the command reads them, joined by spaces; option values must be one line.
 */
export function checkArguments(
  command: Command,
  { values, positionals }: Pick<CommandContext, "values" | "positionals">,
): void {
  const { name, multiline = false } = command.argument ?? { name: "argument" };
  const problems = [checkPlainText(name, positionals.join(" "), { multiline })];
  for (const [option, value] of Object.entries(values)) {
    if (typeof value === "string") problems.push(checkPlainText(`--${option} value`, value));
  }
  const problem = problems.find((message) => message !== null);
  if (problem) throw new CliError(problem, 2);
}

import type { Answer } from "./channels";
import type { HostileInput } from "./corpus";
import { leakedSecrets, type Secret } from "./secrets";

/**
 * A console answer takes at most this long: the statement timeout (15 s), the connection deadline
 * after it (3 s), and room for a machine busy with the other test suites. Every bounded input
 * would otherwise run for a minute or more, so the cap still tells a stopped query from one that ran.
 */
export const MAX_ANSWER_MS = 30_000;
/** A console answer is at most this big: a screenful of rows, not the server's memory. */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** What one corpus entry did wrong on one channel, in words the lead can act on. */
export type Problem = { id: string; channel: Answer["channel"] | "server"; problem: string };

/**
 * Judges one answer: the kind of answer the entry's expectation allows, no secret in it, and
 * bounded time and bytes. `startupMs` is what the CLI needs before it runs any query.
 */
export function judgeAnswer(entry: HostileInput, answer: Answer, secrets: Secret[], startupMs = 0): Problem[] {
  const problems: string[] = [];
  if (answer.kind === "broken") problems.push(`no clear answer (${answer.detail})`);
  if (entry.expect === "refused" && answer.kind === "answered")
    problems.push(`ran instead of being refused (${answer.rowCount ?? "?"} row(s): ${answer.detail})`);
  if (entry.expect === "no-rows" && answer.kind === "answered" && answer.rowCount !== 0)
    problems.push(`showed ${answer.rowCount ?? "?"} row(s) it should hide (${answer.detail})`);
  const leaks = leakedSecrets(secrets, answer.text);
  if (leaks.length > 0) problems.push(`leaked ${leaks.join(", ")}`);
  if (answer.ms > MAX_ANSWER_MS + startupMs)
    problems.push(`took ${answer.ms} ms (cap ${MAX_ANSWER_MS + startupMs} ms)`);
  if (answer.bytes > MAX_ANSWER_BYTES)
    problems.push(`answered ${(answer.bytes / 1024 / 1024).toFixed(1)} MB (cap ${MAX_ANSWER_BYTES / 1024 / 1024} MB)`);
  return problems.map((problem) => ({ id: entry.id, channel: answer.channel, problem }));
}

/** One line per problem, grouped by entry, for the failure message and the report file. */
export function describeProblems(problems: Problem[]): string {
  return problems.map((p) => `${p.id} [${p.channel}] ${p.problem}`).join("\n");
}

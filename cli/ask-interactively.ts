import { createInterface } from "node:readline/promises";
import type { Answers, PublicQuestion } from "@/lib/planner/questions";

/** Whether the CLI talks to a person: both ends are a terminal. */
export const isInteractive = () => process.stdin.isTTY === true && process.stdout.isTTY === true;

/**
 * Asks each question in the terminal: its choices numbered, likeliest first; Enter takes the
 * first. Returns the answers, or null when the input ends (Ctrl-D) before all are given.
 */
export async function askInTerminal(questions: PublicQuestion[]): Promise<Answers | null> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  const closed = new Promise<null>((resolve) => terminal.once("close", () => resolve(null)));
  try {
    const answers: Answers = {};
    for (const question of questions) {
      process.stdout.write(`\n${question.text}\n`);
      question.choices.forEach((choice, i) =>
        process.stdout.write(`  ${i + 1}. ${choice.label}\n     ${choice.reading}\n`),
      );
      for (;;) {
        const line = await Promise.race([terminal.question(`Choose 1-${question.choices.length} [1]: `), closed]);
        if (line === null) return null;
        const picked = line.trim() === "" ? 1 : Number(line.trim());
        if (Number.isInteger(picked) && picked >= 1 && picked <= question.choices.length) {
          answers[question.id] = question.choices[picked - 1].id;
          break;
        }
        process.stdout.write(`Type a number from 1 to ${question.choices.length}.\n`);
      }
    }
    return answers;
  } finally {
    terminal.close();
  }
}

import type { Intent, MeasureIntent } from "@/lib/planner/rules/intent";
import { emptyIntent } from "@/lib/planner/rules/intent";
import type { Lexicon } from "@/lib/planner/rules/lexicon";
import { parseFilters } from "@/lib/planner/rules/parse-filters";
import { parseOutputs } from "@/lib/planner/rules/parse-outputs";
import { parseJoins, parseKeepAndMissing, parseRanking } from "@/lib/planner/rules/parse-structure";
import { checkLeftovers, fixColumnTypos } from "@/lib/planner/rules/leftovers";
import { TokenStream } from "@/lib/planner/rules/token-stream";
import { FILLER } from "@/lib/planner/rules/keywords";
import type { Token } from "@/lib/planner/rules/tokens";
import { reject } from "@/lib/planner/rules/types";

/** Reads every clause of the prompt; any word it cannot place is a rejection, never a guess. */
export function parseIntent(prompt: string, tokens: Token[], lexicon: Lexicon): Intent {
  const intent = emptyIntent();
  const s = new TokenStream(tokens, prompt);
  fixColumnTypos(s, lexicon, intent);
  readTarget(s, intent);
  const ends = new Map<MeasureIntent, number>();
  parseJoins(s, intent);
  parseKeepAndMissing(s, intent);
  parseRanking(s, intent, ends);
  parseFilters(s, intent);
  parseOutputs(s, intent, ends, lexicon);
  attachRenames(s, ends);
  checkLeftovers(s, lexicon, intent);
  // Outputs follow the order the prompt mentions them in.
  intent.measures.sort((a, b) => (ends.get(a) ?? 0) - (ends.get(b) ?? 0));
  return intent;
}

function readTarget(s: TokenStream, intent: Intent): void {
  s.tokens.forEach((t, i) => {
    if (t.kind !== "ident" || t.role !== "target") return;
    if (intent.target && intent.target.name !== t.name)
      reject("ambiguous", `two target tables named: "${intent.target.phrase}" and "${t.text}"`, {
        phrase: t.text,
        candidates: [intent.target.name, t.name],
      });
    intent.target = { name: t.name, schema: t.schema, phrase: t.text };
    s.take(i, i + 1);
  });
}

/** "as lifetime_value" names the output read just before it. */
function attachRenames(s: TokenStream, ends: Map<MeasureIntent, number>): void {
  s.tokens.forEach((t, i) => {
    if (t.kind !== "ident" || t.role !== "rename" || !s.free(i)) return;
    let best: MeasureIntent | undefined;
    for (const [measure, end] of ends) if (end < i && (!best || end > ends.get(best)!)) best = measure;
    // Words between the column and its name must belong to other clauses ("total amount per customer as x").
    const gapFree = best
      ? s.tokens
          .slice(ends.get(best)! + 1, i)
          .some(
            (g, k) => s.free(ends.get(best!)! + 1 + k) && g.text !== "," && !(g.kind === "word" && FILLER.has(g.lower)),
          )
      : true;
    if (!best || best.rename || gapFree) {
      reject(
        "not_understood",
        `"${t.text}" does not follow a column it could name; put it right after the column, e.g. "total amount as lifetime_value"`,
        { phrase: t.text },
      );
    }
    best!.rename = { name: t.name, phrase: t.text };
    s.take(i, i + 1);
  });
}

import { annotate, chunk } from "@/lib/planner/english";
import { checkRequest } from "@/lib/planner/safety";
import { PlanRejected, type PlannerInput, type PlanRejection, type PlanResult } from "@/lib/planner/types";
import type { SemanticModel } from "@/lib/semantic-model/model-schema";
import { EtlSpecSchema } from "@/lib/spec/etl-spec";
import { Ambiguous, buildCandidates, Impossible, type Candidate } from "./build-spec";
import { parseAll } from "./chart";
import { writtenValueTerminals } from "./written-values";
import { textMatchTerminals } from "./text-match-terminals";
import { measureVerbTerminals, paidAmountTerminals } from "./paid-amount-terminals";
import { GRAMMAR } from "./grammar";
import { ground } from "./ground";
import { joinGraph } from "./join-paths";
import { compress } from "./lattice";
import { buildLexicon, type Lexicon } from "./lexicon";
import { modelOfInput } from "./model-of-input";
import { indefiniteHeadTerminals, indefiniteObjectTerminals } from "./indefinite-objects";
import { isEmphatic, readNegations } from "./negation-regions";
import { ABSENT, items } from "./parts";
import { elidedHeadTerminals } from "./ellipsis";
import { dateExtremeTerminals } from "./date-extremes";
import { joinEqualityTerminals, joinInstructionTerminals, UnlinkedJoin } from "./join-instructions";
import {
  aggregateNounTerminals,
  guardValueVerbs,
  plainVerbTerminals,
  rankingAdjectiveTerminals,
  requestTerminals,
  onlyTerminals,
  emptyTerminals,
  frequencyTerminals,
  separatorTerminals,
  stateValueTerminals,
} from "./grammar-terminals";
import { chooseReading } from "./score";
import { formulaTerminals } from "./arithmetic-terminals";
import { definitionTerminals } from "./definitions";
import { spellingQuestions } from "./ask";
import { settleAnswers } from "./answers";
import { changeInstruction } from "./change-instruction";
import { grammarMisspelling, withGrammarSpellings } from "./grammar-spelling";
import { certainSpellings, withCorrections } from "./certain-spellings";
import type { Misspelling, Spellings } from "./ground";
import type { Answers, SavedMeaning } from "@/lib/planner/questions";

export type ReadingPlannerInput = PlannerInput & {
  /** The warehouse's semantic model, when the caller has loaded it (else built from the catalog). */
  semanticModel?: SemanticModel;
  /** The latest date in each time column ("schema.table.column" → ISO date): the as-of date of relative periods. */
  latestDates?: Record<string, string>;
  /** A person's answers to questions this request asked before (question id → choice id). */
  answers?: Answers;
  /** Misspelled words read as the model's words a person chose (filled in from `answers`). */
  spellings?: Spellings;
  /** Meanings people confirmed in this warehouse before: they answer the same questions again. */
  knowledge?: SavedMeaning[];
  /** Saved meanings used so far (filled in as spellings are settled). */
  knowledgeUsed?: string[];
};

/** A table name as written in a request: lower-case words joined by underscores. */
const TABLE_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;

const lexicons = new WeakMap<
  SemanticModel,
  { lexicon: Lexicon; verbs: Set<string>; graph: ReturnType<typeof joinGraph> }
>();

function prepared(model: SemanticModel) {
  let known = lexicons.get(model);
  if (!known) {
    const verbs = new Set([
      ...model.relationships.flatMap((r) => r.verbs.map((v) => v.phrase.split(" ")[0])),
      ...model.entities.flatMap((e) => e.dimensions.flatMap((d) => d.verbs ?? [])),
    ]);
    known = { lexicon: buildLexicon(model), verbs, graph: joinGraph(model) };
    lexicons.set(model, known);
  }
  return known;
}

/**
 * The reading planner: annotate → chunk → ground → parse (every reading) → candidate specs →
 * score. One reading ahead by a clear margin becomes the spec; close readings that build
 * different tables, and words read only by a near spelling, are refused with a question
 * (readings or spellings as choices) that `answers` settle. Pure and deterministic: the clock
 * is read only when no latest date is known for a relative period.
 */
export function planWithEnglish(input: ReadingPlannerInput): PlanResult {
  try {
    const prompt = withGrammarSpellings(checkRequest(input.prompt, input.catalog), input.spellings);
    const model = modelOfInput(input);
    const { lexicon, verbs, graph } = prepared(model);
    const tokens = annotate(prompt);
    const chunks = chunk(tokens);
    const grounded = ground(tokens, chunks, lexicon, verbs, input.spellings);
    // "customers with a company": after "with a" the words state a condition; "with their company" asks for a column.
    grounded.terminals = grounded.terminals.map((t) =>
      t.cat === "WITH" && /^an?$/i.test(tokens[t.end]?.text ?? "") ? { ...t, cat: "WITHA" } : t,
    );
    // "products with freight" may state a condition; "with their unit price" (a pronoun as the
    // determiner) asks for the column: WITHBARE is the "with" that may do the former, WITHTHEIR the latter.
    const possessed = (at: number) =>
      tokens[at]?.pos === "PRON" &&
      chunks.some((c) => c.kind === "noun-phrase" && c.tokens.start === at && c.determiner !== undefined);
    grounded.terminals.push(
      ...grounded.terminals
        .filter((t) => t.cat === "WITH")
        .map((t) => ({ ...t, cat: possessed(t.end) ? "WITHTHEIR" : "WITHBARE" })),
      // "customers and their total freight": "and" before a possessive says what each row has, as "with their" does.
      ...grounded.terminals.filter((t) => t.cat === "AND" && possessed(t.end)).map((t) => ({ ...t, cat: "ANDTHEIR" })),
    );
    for (const c of chunks) {
      const next = tokens[c.tokens.end];
      // "into customer_ltv": a written identifier after "into" names the table to build.
      if (
        c.kind === "connective" &&
        c.role === "preposition" &&
        c.word.toLowerCase() === "into" &&
        next &&
        TABLE_NAME.test(next.text)
      )
        grounded.terminals.push({
          cat: "NAME",
          start: next.index,
          end: next.index + 1,
          value: { k: "name", name: next.text, phrase: next.text },
          strength: 0,
        });
      if (c.kind === "connective" && c.role === "naming" && next)
        grounded.terminals.push({
          cat: "NAME",
          start: next.index,
          end: next.index + 1,
          value: { k: "name", name: next.text, phrase: next.text },
          strength: 0,
        });
    }
    // The grammar's own terminals: verbs it may read without a meaning, separators, elided heads.
    grounded.terminals.push(
      ...plainVerbTerminals(grounded.terminals, verbs),
      ...requestTerminals(grounded.terminals, tokens, chunks),
      ...separatorTerminals(tokens),
      ...onlyTerminals(tokens),
      ...emptyTerminals(tokens, chunks),
    );
    grounded.terminals.push(
      ...elidedHeadTerminals(tokens, chunks, grounded.terminals, lexicon),
      ...stateValueTerminals(tokens, chunks, lexicon),
      ...rankingAdjectiveTerminals(tokens, chunks),
      ...aggregateNounTerminals(tokens, grounded.terminals),
    );
    grounded.terminals.push(
      ...paidAmountTerminals(tokens, chunks, grounded.terminals, model.entities),
      ...measureVerbTerminals(tokens, chunks, grounded.terminals, lexicon),
    );
    grounded.terminals.push(...dateExtremeTerminals(tokens, chunks, grounded.terminals));
    // "at least 5 times" counts events: "times" is then never a column's word ("time" of a track).
    const frequencies = frequencyTerminals(tokens, chunks, grounded.terminals);
    const timesAt = new Set(frequencies.filter((f) => tokens[f.end - 1]?.normal === "times").map((f) => f.end - 1));
    grounded.terminals = [...grounded.terminals.filter((t) => !timesAt.has(t.start)), ...frequencies];
    // A verb that ends its sentence ("customers who have ordered?"): nothing after it can be what it
    // did. Beside a period anywhere ("in 2024, customers who ordered") it is not read: the period may
    // date the rows the verb names or the rows listed.
    const endsSentence = (at: number) =>
      tokens.slice(at).every((t) => t.kind === "punctuation" || t.sentence !== tokens[at - 1].sentence);
    if (!grounded.terminals.some((t) => t.cat === "TIME"))
      grounded.terminals.push(
        ...grounded.terminals
          .filter((t) => t.cat === "VERB" && endsSentence(t.end))
          .map((t) => ({ ...t, cat: "VERBEND" })),
      );
    grounded.terminals.push(...joinInstructionTerminals(tokens, grounded.terminals, lexicon));
    grounded.terminals.push(...joinEqualityTerminals(tokens, lexicon));
    const formulas = formulaTerminals(tokens, chunks, grounded.terminals);
    if (formulas.open)
      return refuse(
        "ambiguous",
        `"${formulas.open}" mixes + or - with × or / in words, which leaves open what comes first: bracket it, e.g. "(quantity times unit price) minus discount"`,
        formulas.open,
      );
    grounded.terminals.push(...formulas.terminals);
    // "raise all prices by 10%": an instruction to change the rows, never a table to build.
    const change = changeInstruction(tokens, chunks, grounded.terminals);
    if (change)
      return refuse(
        "unsafe",
        `"${change}" asks to change the stored data; DataMorph only builds new tables from it and never modifies the sources. To see the changed values, ask for a table of them (e.g. "product prices times 1.1")`,
        change,
      );
    const unknownAt = new Set(grounded.unknown.map((t) => t.index));
    grounded.terminals.push(...definitionTerminals(tokens, chunks, grounded.terminals, unknownAt));
    grounded.terminals.push(...writtenValueTerminals(tokens, grounded.terminals));
    const storedAt = new Set(
      grounded.terminals.filter((t) => t.cat === "VAL" && t.end === t.start + 1).map((t) => t.start),
    );
    grounded.terminals.push(...textMatchTerminals(tokens, unknownAt, storedAt));
    grounded.terminals = guardValueVerbs(grounded.terminals, tokens, model);
    grounded.unknown = grounded.unknown.filter(
      (t) => !grounded.terminals.some((g) => g.start <= t.index && t.index < g.end),
    );
    // "what % of", "share of": an aggregate phrase the grounding cannot read is never dropped.
    const unread = chunks.find(
      (c) =>
        c.kind === "aggregate" && !grounded.terminals.some((t) => t.start < c.tokens.end && c.tokens.start < t.end),
    );
    if (unread)
      return refuse(
        "not_understood",
        `could not read "${unread.text}": not an aggregate the planner reads`,
        unread.text,
      );
    // An operator outside every formula read ("price * 2 per day" over two tables) is never dropped.
    const operator = chunks.find(
      (c) =>
        c.kind === "arithmetic" && !grounded.terminals.some((t) => t.start <= c.tokens.start && c.tokens.end <= t.end),
    );
    if (operator)
      return refuse(
        "not_understood",
        `could not read the arithmetic around "${operator.text}": its operands are not columns of one table, or its order is open (bracket it)`,
        operator.text,
      );
    const unknown = grounded.unknown.filter((t) => !isEmphatic(t, tokens));
    if (unknown.length > 0) {
      const words = unknown.map((t) => t.text);
      const unread = refuse(
        "not_understood",
        `could not read ${words.map((w) => `"${w}"`).join(", ")}: not a table, column, value or word the planner reads`,
        words[0],
      );
      // "diffrent", "singel": when every such word is one letter from one grammar word, ask.
      const misspelled = unknown.map(grammarMisspelling);
      if (!misspelled.every((m) => m !== undefined)) return unread;
      return settleSpellings({ ...unread, questions: spellingQuestions(misspelled, lexicon) }, input, misspelled);
    }
    // A word read only by a near spelling is a guess: ask (refuse, naming it) rather than build on it.
    if (grounded.fuzzy.length > 0) {
      const asked = refuse(
        "not_understood",
        `did you mean ${grounded.fuzzy.map((f) => `"${f}"`).join(", ")}? Words read only as a near spelling are not built on`,
        grounded.fuzzy[0].split(" → ")[0],
      );
      return settleSpellings(
        { ...asked, questions: spellingQuestions(grounded.misspellings, lexicon) },
        input,
        grounded.misspellings,
      );
    }
    grounded.terminals.push(
      ...indefiniteObjectTerminals(tokens, chunks),
      ...indefiniteHeadTerminals(tokens, chunks, grounded.terminals),
    );
    // Negated stretches are read last, over every terminal, so that no reading can pass over a negation.
    const negation = readNegations(tokens, chunks, grounded.terminals, lexicon);
    if (negation.unread)
      return refuse(
        "not_understood",
        `"${negation.unread.text}" negates part of the request in a way that is not read yet`,
        negation.unread.text,
      );
    const { terminals, length } = compress(negation.terminals, tokens.length);
    const parses = parseAll({ rules: GRAMMAR, terminals, length, start: "S", absent: ABSENT, limit: 300 });
    if (parses.length === 0)
      return refuse("not_understood", "the request's words are known but their arrangement is not read yet", prompt);
    const candidates: (Candidate & { strength: number; instructed: boolean })[] = [];
    const impossible = new Set<string>();
    const unlinked = new Set<string>();
    const ambiguous = new Set<string>();
    const asOf = (table: string, column: string) => {
      const date = input.latestDates?.[`${table}.${column}`];
      return date
        ? { date, source: `the latest ${column} in ${table}` }
        : { date: (input.now ?? new Date()).toISOString().slice(0, 10), source: "today" };
    };
    for (const parse of parses) {
      try {
        const parts = items(parse.value);
        for (const c of buildCandidates(parts, { prompt: input.prompt, model, graph, asOf, catalog: input.catalog }))
          candidates.push({
            ...c,
            strength: parse.strength,
            instructed: parts.some((p) => p.k === "join-instruction"),
          });
      } catch (error) {
        if (error instanceof UnlinkedJoin) unlinked.add(error.message);
        else if (error instanceof Ambiguous) ambiguous.add(error.message);
        else if (error instanceof Impossible) impossible.add(error.message);
        else throw error;
      }
    }
    // A join the request spells out on a key that does not link its tables is refused, never replaced by another path.
    if (unlinked.size > 0 && !candidates.some((c) => c.instructed))
      return refuse("not_understood", [...unlinked].sort()[0], [...unlinked].sort()[0].match(/^"([^"]*)"/)?.[1]);
    if (candidates.length === 0 && ambiguous.has("a ranking without a count or a measure"))
      return refuse(
        "ambiguous",
        'a ranking needs both how many rows and the measure to rank by (e.g. "top 10 artists by revenue")',
        prompt,
      );
    // Readings that stop short of one table (a group with nothing counted, "the most" of an unknown number) are asked about.
    if (candidates.length === 0 && ambiguous.size > 0) return refuse("ambiguous", [...ambiguous].sort()[0], prompt);
    if (candidates.length === 0)
      return refuse(
        "not_understood",
        `no reading of the request builds a table (${[...impossible].sort().slice(0, 3).join("; ")})`,
        prompt,
      );
    const chosen = chooseReading(candidates, grounded.fuzzy);
    const settled = chosen.ok
      ? ({ kind: "result", result: chosen } as const)
      : settleAnswers(chosen, input.answers, input.knowledge);
    if (settled.kind !== "result") throw new Error("a reading question settles to a spec, never to spellings");
    const used = [...(input.knowledgeUsed ?? []), ...(settled.result.ok ? (settled.result.knowledgeUsed ?? []) : [])];
    const result = settled.result.ok && used.length > 0 ? { ...settled.result, knowledgeUsed: used } : settled.result;
    if (result.ok) {
      const checked = EtlSpecSchema.safeParse(result.spec);
      if (!checked.success)
        return refuse(
          "not_understood",
          `the reading does not make a valid plan: ${checked.error.issues[0]?.message}`,
          prompt,
        );
    }
    return result;
  } catch (error) {
    if (error instanceof PlanRejected) return error.rejection;
    throw error;
  }
}

/**
 * A refusal that asks which words misspellings stand for: once answered, the request is read again
 * with them. Misspellings that can only mean one word are read as that word without asking.
 */
function settleSpellings(asked: PlanRejection, input: ReadingPlannerInput, misspellings: Misspelling[]): PlanResult {
  const certain = certainSpellings(misspellings);
  // A spelling already applied that still leaves the word unread is asked about, never applied again.
  if (certain && Object.keys(certain).every((typed) => !input.spellings?.[typed]))
    return withCorrections(planWithEnglish({ ...input, spellings: { ...input.spellings, ...certain } }), certain);
  const settled = settleAnswers(asked, input.answers, input.knowledge);
  if (settled.kind === "spellings")
    return planWithEnglish({
      ...input,
      spellings: { ...input.spellings, ...settled.spellings },
      knowledgeUsed: [...(input.knowledgeUsed ?? []), ...settled.knowledgeUsed],
    });
  return settled.result;
}

function refuse(code: PlanRejection["code"], message: string, phrase?: string): PlanRejection {
  return { ok: false, code, message, ...(phrase ? { phrase } : {}) };
}

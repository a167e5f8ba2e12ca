/**
 * Reading English: the first two layers of the planner (annotate, then chunk). They know no
 * catalog and no dataset; ground and parse build on what they return.
 *
 * `annotate(prompt)` → `AnnotatedToken[]`, pure and deterministic (the same prompt always
 * gives the same tokens; the clock is never read):
 * - Tokens tile the prompt's words in order; `span` gives each one's exact characters and
 *   `text` is `prompt.slice(span.start, span.end)`. Whitespace is the only thing left out.
 * - `pos` and `lemma` are the English model's (wink-nlp with its web model). Where the model
 *   is known to stumble we add, never overwrite: a capitalised first word tagged PROPN carries
 *   the lower-case reading in `alternative`; a quoted span or identifier kept whole says so in
 *   `posSource`. Grounding should try `alternative` when the tagged reading finds nothing.
 * - `kind` says what a token is on the surface. Quoted literals ('Rock', "AC/DC", “…”) and
 *   identifiers (`customer_id`, `customerNumber`, `orders.amount`) are single tokens, whatever
 *   is inside them. Comparison symbols are single tokens with `comparison` normalised (">=",
 *   "≥" and "=>" are all ">=").
 * - `number` holds the value of digits and number words, one token per number ("a dozen",
 *   "one hundred and five", "$20" with its currency, "20%" as a percent, "3.5k" = 3500).
 *   Ordinals ("3rd", "first") are marked; a four-digit 1900–2099 number is `yearLike`.
 * - Negation: a negating word carries `negator.scope` (token indices to the end of its
 *   clause), and each token in that scope `negatedBy`. "no more than 5" negates only the
 *   comparison.
 * - `possibleValue` marks quoted literals and capitalised words that are not merely starting
 *   a sentence: grounding looks them up in the value index before anywhere else. `known`
 *   is false for words outside the model's lexicon (names, typos, domain words): the only
 *   typo signal this layer gives; fuzzy matching belongs to grounding.
 * - Time phrases: every token of one phrase shares one `time` expression, with our operator
 *   (in/since/after/before/through/between), its period(s) (calendar, or relative to an as-of
 *   date that the next layers supply to `resolveTimeExpression`), and the range the words
 *   alone fix when they do. A bare four-digit number is a year unless a quantity word leads it
 *   ("over 2000", "top 2000").
 *
 * `chunk(tokens)` → `Chunk[]`: chunks tile the tokens in order, each token in exactly one
 * chunk, never across a sentence. Kinds: noun-phrase, verb-group, comparison, time,
 * aggregate, ranking, ordering, connective (with a role), value, arithmetic, punctuation and
 * other. Each chunk records what its words say (a comparison's operator and quantity, a noun
 * phrase's head, count and superlative, a verb group's lemma, particles and negation) and
 * nothing about what they mean in a catalog: deciding that "tracks" is a table, that "by"
 * groups rather than ranks, or that an "other" chunk matters is the work of ground and parse.
 */
export { annotate } from "@/lib/planner/english/annotate";
export { chunk } from "@/lib/planner/english/chunk/chunk";
export type * from "@/lib/planner/english/chunk/types";
export { loadEnglishModel } from "@/lib/planner/english/tagger";
export { resolveTimeExpression } from "@/lib/planner/english/time/resolve-time";
export type * from "@/lib/planner/english/time/types";
export type * from "@/lib/planner/english/types";

import { KEY_WORDS, LOCATION_WORDS } from "./column-kinds";
import type { Verb } from "./model-schema";
import { expandAbbreviations } from "./words/abbreviations";
import { baseVerb, verbOfAgentNoun } from "./words/inflection";
import { endsWithWords, phrase, uniquePhrases } from "./words/name-words";

// The small general table of relation verbs. Verbs are in base form, as a lemmatiser gives them.
/** "customers who live in London", "suppliers located in Germany", "offices based in Paris". */
const ADDRESS_VERBS = ["live", "locate", "base"];
/** A row and the parent its foreign key names: "tracks in an album", "orders belong to a customer", "a customer has orders". */
const PARENT_VERBS: Verb[] = [
  { phrase: "belong to", subject: "from" },
  { phrase: "in", subject: "from" },
  { phrase: "have", subject: "to" },
];
/** Rows linked through a link table: "tracks in a playlist", "a playlist has tracks". */
export const LINK_VERBS: Verb[] = [
  { phrase: "in", subject: "either" },
  { phrase: "have", subject: "either" },
];
/** Prefixes of an address column that are verbs themselves ("ship_city": shipped to). */
const ADDRESS_PREFIX_VERBS = new Set(["ship", "bill", "deliver", "send", "mail", "return"]);
const PREPOSITIONS = new Set(["to", "by", "for", "from", "with", "via", "under", "of", "on", "at"]);
/** Heads of role nouns whose first word says what the role does ("support rep" supports). */
const AGENT_HEADS = new Set([
  "rep",
  "representative",
  "agent",
  "person",
  "contact",
  "officer",
  "staff",
  "lead",
  "member",
]);

/**
 * Verbs that reach an address column: "live", "locate", "base" for the entity's own address;
 * the prefix's verb for another one ("ship_city" → ship, "billing_country" → bill).
 */
export function locationVerbs(expanded: string[]): string[] {
  const at = expanded.findIndex((w) => LOCATION_WORDS.has(w));
  const prefix = expanded.slice(0, Math.max(0, at));
  if (prefix.length === 0) return ADDRESS_VERBS;
  return prefix.length === 1 && isAddressPrefix(prefix[0]) ? [baseVerb(prefix[0])] : [];
}

/** Whether a word before an address or name is a verb of sending ("ship", "billing"), not a noun ("home"). */
export function isAddressPrefix(word: string | undefined): boolean {
  if (!word) return false;
  const verb = baseVerb(word);
  return verb !== word || ADDRESS_PREFIX_VERBS.has(verb);
}

/** How a foreign key's column names the row it points at. */
export type RelationshipWords = { roles: string[]; verbs: Verb[] };

/**
 * Roles and verbs from a foreign key column's words: `customer_id` → the parent verbs;
 * `support_rep_id` → role "support rep", verb "support"; `salesRepEmployeeNumber` → role
 * "sales rep"; `manager_id` → role "manager", verb "manage"; `reports_to` → "report to";
 * `handled_by` → "handle" (done by the row pointed at).
 */
export function relationshipWords(written: string[], targetForms: string[][]): RelationshipWords {
  let words =
    written.length > 1 && KEY_WORDS.has(expandAbbreviations([written[written.length - 1]])[0])
      ? written.slice(0, -1)
      : written;
  // The target's own name at the end is not part of the role: salesRep|Employee|Number → sales rep.
  for (const form of targetForms) {
    if (endsWithWords(words, form)) words = words.slice(0, words.length - form.length);
    else if (endsWithWords(expandAbbreviations(words), form)) words = expandAbbreviations(words).slice(0, -form.length);
    else continue;
    break;
  }
  if (words.length === 0) return { roles: [], verbs: PARENT_VERBS };

  const last = words[words.length - 1];
  if (PREPOSITIONS.has(last) && words.length > 1) {
    const verb = [baseVerb(words[0]), ...words.slice(1, -1)];
    // "handled by": the row pointed at does it; "reports to": the row holding the key does.
    return last === "by"
      ? { roles: [], verbs: [{ phrase: phrase(verb), subject: "to" }] }
      : { roles: [], verbs: [{ phrase: phrase([...verb, last]), subject: "from" }] };
  }

  const expanded = expandAbbreviations(words);
  const roles = uniquePhrases([words, expanded]);
  const verbs = uniquePhrases([
    ...expanded.map(verbOfAgentNoun),
    words.length > 1 && AGENT_HEADS.has(expanded[expanded.length - 1]) && !/s$/.test(words[0]) ? words[0] : undefined,
  ]).map((verb): Verb => ({ phrase: verb, subject: "to" }));
  return { roles, verbs };
}

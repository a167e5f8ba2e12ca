import { expandAbbreviations } from "./words/abbreviations";
import { pluralPhrase, singularPhrase } from "./words/inflection";
import { nameWords, phrase, uniquePhrases } from "./words/name-words";

// Prefixes that say how a table was made, not what a row is (`raw_orders`, `dim_customer`).
const STAGING_PREFIXES = new Set(["raw", "stg", "staging", "src", "dim", "fct", "fact", "tbl", "vw"]);

// Last words that say what part of a document or register a table holds, not what a row is:
// a row of `sales_order_header` is a sales order, a row of `customer_master` a customer.
const STRUCTURE_SUFFIXES = new Set(["header", "master"]);

// A few general English synonyms of common entity nouns. Weak evidence: the planner ranks them
// below the table's own words, and the user's overlay adds the ones a warehouse really uses.
const ENTITY_SYNONYMS: Record<string, string[]> = {
  customer: ["client", "buyer", "purchaser", "shopper"],
  employee: ["staff member"],
  supplier: ["vendor"],
  vendor: ["supplier"],
};

/** How an entity is called, from its table's name. */
export type EntityNames = {
  /** The singular noun phrase ("order detail") and its plural ("order details"). */
  name: string;
  plural: string;
  /** Other singular phrases: staging prefix dropped, abbreviations written out. */
  words: string[];
  synonyms: string[];
  /** Every singular form as words, for spotting columns named after the entity (`customer_id`). */
  forms: string[][];
};

/**
 * The nouns for one row and many rows of a table. Table names are plural ("customers") or
 * singular ("customer"); either way the last word is the head noun that changes number.
 */
export function entityNames(tableName: string): EntityNames {
  const { written, expanded } = nameWords(tableName);
  const unprefixed = written.length > 1 && STAGING_PREFIXES.has(written[0]) ? written.slice(1) : undefined;
  const unsuffixed =
    written.length > 1 && STRUCTURE_SUFFIXES.has(singularPhrase(written).at(-1)!) ? written.slice(0, -1) : undefined;
  const forms = [
    written,
    expanded,
    ...(unprefixed ? [unprefixed, expandAbbreviations(unprefixed)] : []),
    ...(unsuffixed ? [unsuffixed, expandAbbreviations(unsuffixed)] : []),
  ].map(singularPhrase);
  const phrases = uniquePhrases(forms);
  const singular = singularPhrase(written);
  const head = phrase(forms[forms.length - 1]);
  return {
    name: phrase(singular),
    plural: phrase(pluralPhrase(singular)),
    words: phrases.slice(1),
    synonyms: Object.hasOwn(ENTITY_SYNONYMS, head) ? ENTITY_SYNONYMS[head] : [],
    forms: phrases.map((p) => p.split(" ")),
  };
}

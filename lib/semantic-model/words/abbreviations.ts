/**
 * Short forms that column and table names use for common words, with what they stand for.
 * General English and business shorthand only: nothing here names a particular dataset.
 */
const ABBREVIATIONS: Record<string, string> = {
  abbr: "abbreviation",
  acct: "account",
  addr: "address",
  amt: "amount",
  avg: "average",
  bal: "balance",
  cat: "category",
  cnt: "count",
  cust: "customer",
  desc: "description",
  dept: "department",
  dob: "date of birth",
  dt: "date",
  emp: "employee",
  hrs: "hours",
  inv: "invoice",
  loc: "location",
  mgr: "manager",
  mins: "minutes",
  ms: "milliseconds",
  msrp: "manufacturer suggested retail price",
  nbr: "number",
  no: "number",
  num: "number",
  org: "organization",
  pct: "percent",
  prod: "product",
  qty: "quantity",
  ref: "reference",
  rep: "representative",
  secs: "seconds",
  tel: "telephone",
  tot: "total",
  ts: "timestamp",
  txn: "transaction",
  wt: "weight",
  yr: "year",
};

/** What an abbreviation stands for, as words, or undefined when `word` is not one. */
export function expandAbbreviation(word: string): string[] | undefined {
  return Object.hasOwn(ABBREVIATIONS, word) ? ABBREVIATIONS[word].split(" ") : undefined;
}

/** Whether `word` is a known short form (so it is not split further as a run of letters). */
export function isAbbreviation(word: string): boolean {
  return Object.hasOwn(ABBREVIATIONS, word);
}

/** The words with every known abbreviation written out ("order no" → order number). */
export function expandAbbreviations(words: string[]): string[] {
  return words.flatMap((word) => expandAbbreviation(word) ?? [word]);
}

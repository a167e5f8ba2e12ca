// English number words: a closed class, so a table is the honest way to read them.

export const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

export const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Words that multiply what came before: "five hundred", "3 million", "a dozen". */
export const SCALES: Record<string, number> = {
  dozen: 12,
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
};

/** Ordinal words; read as ordinals only where the tagger calls them adjectives or adverbs ("per second" is a unit). */
export const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  twentieth: 20,
  thirtieth: 30,
  hundredth: 100,
};

/** How often: "at least once". */
export const TIMES: Record<string, number> = { once: 1, twice: 2 };

/** Letters written straight after digits that scale them: "3.5k", "2M", "1bn". */
export const SUFFIX_SCALES: Record<string, number> = {
  k: 1_000,
  K: 1_000,
  M: 1_000_000,
  mn: 1_000_000,
  bn: 1_000_000_000,
};

export const CURRENCY_SYMBOLS = new Set(["$", "\u20ac", "\u00a3", "\u00a5"]);

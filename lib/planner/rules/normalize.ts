import pluralize from "pluralize";

// Short words and a few English forms that pluralize would mangle ("us" -> "me", "data" -> "datum").
const KEEP_AS_IS = new Set([
  "data",
  "media",
  "series",
  "news",
  "business",
  "status",
  "address",
  "does",
  "was",
  "has",
  "its",
  "his",
  "this",
  "bytes",
]);
const cache = new Map<string, string>();

/** Lowercase singular form used for every catalog match, so "Orders" and "order" meet. */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  let hit = cache.get(lower);
  if (hit === undefined) {
    hit = lower.length <= 3 || KEEP_AS_IS.has(lower) ? lower : pluralize.singular(lower);
    if (cache.size < 50_000) cache.set(lower, hit);
  }
  return hit;
}

/** Splits a catalog name or phrase into normalized words: "first_name" -> ["first", "name"]. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(normalizeWord);
}

/** Space-joined normalized key of a phrase. */
export function phraseKey(words: string[]): string {
  return words.join(" ");
}

/** Damerau-Levenshtein distance (optimal string alignment), capped for speed. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

import type { TokenOf } from "@/lib/planner/rules/tokens";

const ID = `["\`]?([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)?)["\`]?`;
// A rename must end its clause, so "as well as" or "as of" never read as a name.
const CLAUSE_END = String.raw`(?=\s*(?:$|[,;.)]|\b(?:and|per|by|for|from|with|sorted|ordered|order|grouped|group|where|top|limit|into|then|plus|including|only|in)\b))`;

const TARGETS = [
  new RegExp(String.raw`\b(?:in)?to\s+(?:a\s+|the\s+)?(?:new\s+)?table\s+(?:called\s+|named\s+)?${ID}`, "gi"),
  new RegExp(String.raw`\b(?:a\s+|the\s+|new\s+)*(?:target\s+)?table\s+(?:called|named)\s+${ID}`, "gi"),
  new RegExp(String.raw`\bas\s+(?:a\s+)?(?:new\s+)?table\s+(?:called\s+|named\s+)?${ID}`, "gi"),
  new RegExp(
    String.raw`\b(?:save|store|write|load|materiali[sz]e|persist)\s+(?:it\s+|this\s+|them\s+|the\s+results?\s+)?(?:as|to|in|into)\s+${ID}`,
    "gi",
  ),
  new RegExp(String.raw`\b(?:call|name)\s+the\s+(?:new\s+)?(?:table|result|output|target)\s+${ID}`, "gi"),
  new RegExp(String.raw`\binto\s+${ID}`, "gi"),
];
const RENAMES = [
  new RegExp(
    String.raw`\b(?:aliased\s+as|renamed?\s+(?:to|as)|call(?:ed)?\s+(?:it|this|that|the\s+column)|name\s+(?:it|this|that)|named|as)\s+${ID}${CLAUSE_END}`,
    "gi",
  ),
];
const NOT_NAMES = new Set([
  "a",
  "an",
  "the",
  "new",
  "table",
  "it",
  "this",
  "that",
  "them",
  "well",
  "of",
  "per",
  "each",
  "follows",
  "such",
  "much",
  "many",
  "soon",
  "long",
]);

/** Target table names ("into customer_totals") and column aliases ("as lifetime_value"). */
export function findNameSpans(prompt: string): TokenOf<"ident">[] {
  const out: TokenOf<"ident">[] = [];
  const taken = (start: number, end: number) => out.some((s) => start < s.end && end > s.start);
  const collect = (patterns: RegExp[], role: "target" | "rename") => {
    for (const re of patterns) {
      for (const m of prompt.matchAll(re)) {
        const raw = m[1];
        if (NOT_NAMES.has(raw.toLowerCase())) continue;
        const start = m.index;
        const end = start + m[0].length;
        if (taken(start, end)) continue;
        const [schema, name] = raw.includes(".") ? raw.split(".") : [undefined, raw];
        out.push({ kind: "ident", role, name, schema, start, end, text: m[0] });
      }
    }
  };
  collect(TARGETS, "target");
  collect(RENAMES, "rename");
  return out.sort((a, b) => a.start - b.start);
}

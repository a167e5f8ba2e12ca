import type { RejectCode } from "@/lib/planner/types";

/**
 * Why a request must be refused: it would change data (`unsafe`), it names what the warehouse
 * does not hold (`unknown`), it could fairly mean several tables (`ambiguous`), or it asks for
 * no table at all (`not_etl`, e.g. chit-chat).
 */
export const REFUSAL_REASONS = ["unsafe", "unknown", "ambiguous", "not_etl"] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

// Eval files written apart from the product mark the reason with a tag and `"reject": true`.
const reasonOfTag: Record<string, RefusalReason> = {
  "reject-unsafe": "unsafe",
  "reject-unknown": "unknown",
  "reject-ambiguous": "ambiguous",
  "reject-chitchat": "not_etl",
};

/** The reason a must-refuse case gives: its own `reject` value, else a `reject-…` tag, else none. */
export function expectedReason(reject: true | RefusalReason, tags: string[] = []): RefusalReason | undefined {
  if (reject !== true) return reject;
  return tags.map((tag) => reasonOfTag[tag]).find(Boolean);
}

/**
 * The reasons each of the planner's rejection codes stands for. `not_understood` ("could not
 * read <word>: it is not a table, column or known value of the warehouse") is how the planner
 * refuses both chit-chat and a thing the warehouse lacks, so it answers either; it never
 * answers an unsafe or an ambiguous request.
 */
const reasonsOfCode: Record<RejectCode, readonly RefusalReason[]> = {
  unsafe: ["unsafe"],
  unknown_table: ["unknown"],
  unknown_column: ["unknown"],
  ambiguous: ["ambiguous"],
  not_understood: ["not_etl", "unknown"],
  empty: ["not_etl"],
};

/**
 * Whether a refusal gave the reason the case asks for. A refusal without a planner code (a data
 * test that kept failing, a target taken by someone else) gives none.
 */
export function refusedFor(reason: RefusalReason | undefined, code: RejectCode | undefined): boolean {
  if (reason === undefined) return true;
  return code !== undefined && reasonsOfCode[code].includes(reason);
}

/**
 * What people confirmed about a warehouse, written beside its semantic model so a reader of the
 * file sees every word the planner reads: the approved knowledge and verified examples, each with
 * who, when and from which run. It is not part of the model: it is kept in DataMorph's own tables
 * and managed on the Knowledge page, so importing a model file leaves it alone.
 */
export type UserOverlay = {
  knowledge: { phrase: string; meaning: string; kind: string; by: string | null; at: Date; run: string | null }[];
  verifiedExamples: { prompt: string; by: string | null; at: Date; run: string | null }[];
};

/** The top-level key of the overlay in a model file. */
export const OVERLAY_KEY = "user_overlay";

export const OVERLAY_COMMENT = [
  " Approved knowledge and verified examples of this warehouse, with who, when and from which run.",
  " Managed on the Knowledge page (/knowledge); `model import` leaves them as they are.",
].join("\n");

/** What an import says about an overlay it found in the file. */
export const OVERLAY_IGNORED =
  "The file's user_overlay (knowledge and verified examples) was not imported: they are managed on the Knowledge page (/knowledge).";

/** The overlay as the YAML file writes it: snake_case keys, times as ISO strings. */
export function overlayDocument(overlay: UserOverlay) {
  return {
    knowledge: overlay.knowledge.map((k) => ({ ...k, at: k.at.toISOString() })),
    verified_examples: overlay.verifiedExamples.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}

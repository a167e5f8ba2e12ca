/** A moment as the Knowledge page shows it: date and minute, UTC. */
export const when = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Whom an entry applies to: everyone once approved, otherwise only its author. */
export function scopeOf(entry: { approved: boolean; createdBy: string | null; by: string | null }, userId: string) {
  if (entry.approved) return { text: "Everyone", pending: false };
  const author = entry.createdBy === userId ? "you" : (entry.by ?? "its author");
  return { text: `Only ${author} — pending approval`, pending: true };
}

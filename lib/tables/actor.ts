/** Who asks to change a table: the rules differ for administrators and members. */
export type Actor = { id: string; email: string; role: "admin" | "member" };

/** A moment as people read it in messages, e.g. "2026-12-02 18:30 UTC". */
export const formatWhen = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Whether `actor` may replace or roll back what `ownerId` made. */
export const mayActOn = (actor: Actor, ownerId: string) => actor.role === "admin" || actor.id === ownerId;

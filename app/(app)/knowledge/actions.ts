"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { approveKnowledge, deleteKnowledge } from "@/lib/db/queries/knowledge";
import { approveVerifiedExample, deleteVerifiedExample } from "@/lib/db/queries/verified-examples";
import { AppError } from "@/lib/errors";
import { appWarehouse } from "@/lib/knowledge/app-warehouse";
import { editKnowledgeEntry } from "@/lib/knowledge/edit-entry";
import { userAction, type ActionResult } from "@/lib/server/action";

const idSchema = z.object({ id: z.string().uuid("Unknown entry.") });

const editSchema = idSchema.extend({
  phrase: z.string().trim().min(1, "Type the words.").max(200, "At most 200 characters."),
  meaning: z.string().trim().min(1, "Type what the words mean.").max(500, "At most 500 characters."),
});

// What applies to everyone's requests is an administrator's call; a member only withdraws their own.
function requireAdmin(user: SessionUser, what: string): void {
  if (user.role !== "admin") throw new AppError("forbidden", `Only an administrator can ${what}. Nothing was changed.`);
}

function done(notice: string): ActionResult {
  revalidatePath("/knowledge");
  return { ok: true, notice };
}

const GONE = "That entry is gone: it was deleted already. Nothing was changed.";
const NOT_YOURS = "You can delete only your own entries that are not approved yet. Nothing was deleted.";

export const approveKnowledgeAction = userAction("approve knowledge", idSchema, async ({ id }, user) => {
  requireAdmin(user, "approve knowledge");
  if (!(await approveKnowledge({ id, warehouse: appWarehouse() }))) throw new AppError("not_found", GONE);
  return done("Approved: these words are now read this way in everyone's requests.");
});

export const editKnowledgeAction = userAction("edit knowledge", editSchema, async (input, user) => {
  requireAdmin(user, "edit knowledge");
  const refused = await editKnowledgeEntry(input);
  if (refused) return { ok: false, error: "Check the highlighted fields. Nothing was changed.", ...refused };
  return done(`Saved: "${input.phrase}" means ${input.meaning}.`);
});

export const deleteKnowledgeAction = userAction("delete knowledge", idSchema, async ({ id }, user) => {
  const isAdmin = user.role === "admin";
  const deleted = await deleteKnowledge({ id, warehouse: appWarehouse(), pendingOf: isAdmin ? undefined : user.id });
  if (!deleted) throw new AppError(isAdmin ? "not_found" : "forbidden", isAdmin ? GONE : NOT_YOURS);
  return done("Deleted: these words are asked about again.");
});

export const approveExampleAction = userAction("approve verified example", idSchema, async ({ id }, user) => {
  requireAdmin(user, "approve a verified example");
  if (!(await approveVerifiedExample({ id, warehouse: appWarehouse() }))) throw new AppError("not_found", GONE);
  return done("Approved: this example now applies to everyone's requests.");
});

export const deleteExampleAction = userAction("delete verified example", idSchema, async ({ id }, user) => {
  const isAdmin = user.role === "admin";
  const deleted = await deleteVerifiedExample({
    id,
    warehouse: appWarehouse(),
    pendingOf: isAdmin ? undefined : user.id,
  });
  if (!deleted) throw new AppError(isAdmin ? "not_found" : "forbidden", isAdmin ? GONE : NOT_YOURS);
  return done("Deleted.");
});

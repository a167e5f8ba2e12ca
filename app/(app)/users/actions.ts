"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { invitePath } from "@/lib/auth/invite-token";
import { issueInvite } from "@/lib/auth/invites";
import { withdrawInvite } from "@/lib/db/queries/invites";
import { type ActionResult, adminAction } from "@/lib/server/action";
import { changeUser, type UserChange, type UserChangeResult } from "@/lib/users/change-user";

/** The answer to "Create invite link": the link's path, shown once and never stored. */
export type InviteResult = ActionResult & { invitePath?: string };

const userIdSchema = z.object({ userId: z.string().uuid("Unknown user; reload the page.") });
const roleSchema = z.enum(["admin", "member"], { error: "Choose administrator or member." });

function answer({ ok, message }: UserChangeResult): ActionResult {
  if (!ok) return { ok, error: message };
  revalidatePath("/users");
  return { ok, notice: message };
}

const change = (name: string, what: UserChange) =>
  adminAction(name, userIdSchema, async ({ userId }, admin) =>
    answer(await changeUser({ actorId: admin.id, userId, change: what })),
  );

export const changeRoleAction = adminAction(
  "change role",
  userIdSchema.extend({ role: roleSchema }),
  async ({ userId, role }, admin) =>
    answer(await changeUser({ actorId: admin.id, userId, change: role === "admin" ? "make-admin" : "make-member" })),
);

export const disableUserAction = change("disable user", "disable");

export const enableUserAction = change("enable user", "enable");

export const removeUserAction = change("remove user", "remove");

export const createInviteAction = adminAction<{ role: "admin" | "member" }, InviteResult>(
  "create invite",
  z.object({ role: roleSchema }),
  async ({ role }, admin) => {
    const { token, invite } = await issueInvite({ role, createdBy: admin.id });
    revalidatePath("/users");
    const until = invite.expiresAt.toISOString().slice(0, 16).replace("T", " ");
    return {
      ok: true,
      notice: `Invite link for ${role === "admin" ? "an administrator" : "a member"}, valid once until ${until} UTC. Copy it now: it is shown only this once.`,
      invitePath: invitePath(token),
    };
  },
);

export const withdrawInviteAction = adminAction(
  "withdraw invite",
  z.object({ inviteId: z.string().uuid("Unknown invite; reload the page.") }),
  async ({ inviteId }) => {
    if (!(await withdrawInvite({ id: inviteId })))
      return { ok: false, error: "That invite was used or withdrawn already; reload the page." };
    revalidatePath("/users");
    return { ok: true, notice: "Invite withdrawn: its link no longer works." };
  },
);

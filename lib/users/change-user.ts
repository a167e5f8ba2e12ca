import {
  changeUserRole,
  disableUser,
  enableUser,
  removeUser,
  type UserChangeOutcome,
  type UserWork,
} from "@/lib/db/queries/user-changes";

/** What an administrator can do to an account from the Users page. */
export type UserChange = "make-admin" | "make-member" | "disable" | "enable" | "remove";

/** What the page tells the administrator; `ok` false means nothing changed. */
export type UserChangeResult = { ok: boolean; message: string };

// Each would lock the administrator out of the page they are on; another administrator can do it.
const NOT_TO_YOURSELF: Partial<Record<UserChange, string>> = {
  "make-member": "You cannot take away your own administrator role; ask another administrator.",
  disable: "You cannot disable your own account; ask another administrator.",
  remove: "You cannot remove your own account; ask another administrator.",
};

const apply: Record<UserChange, (userId: string) => Promise<UserChangeOutcome>> = {
  "make-admin": (userId) => changeUserRole({ userId, role: "admin" }),
  "make-member": (userId) => changeUserRole({ userId, role: "member" }),
  disable: (userId) => disableUser({ userId }),
  enable: (userId) => enableUser({ userId }),
  remove: (userId) => removeUser({ userId }),
};

const plural = (n: number, one: string) => `${n === 0 ? "no" : n} ${one}${n === 1 ? "" : "s"}`;

function describeWork(work: UserWork): string {
  return `${plural(work.runs, "run")}, ${plural(work.pipelines, "pipeline")} and ${plural(work.uploads, "upload")}`;
}

function doneMessage(change: UserChange, email: string, sessionsEnded: number): string {
  switch (change) {
    case "make-admin":
      return `${email} is now an administrator.`;
    case "make-member":
      return `${email} is now a member.`;
    case "disable":
      return `${email} is disabled and cannot sign in; ${plural(sessionsEnded, "open session")} ended.`;
    case "enable":
      return `${email} can sign in again.`;
    case "remove":
      return `${email} was removed.`;
  }
}

/**
 * Applies an administrator's `change` to account `userId`. An administrator never disables,
 * demotes or removes their own account, and the last active administrator is never demoted,
 * disabled or removed (checked under a lock, so two administrators acting at once cannot get
 * round it). A user whose runs, pipelines or uploads record them is kept: disable them instead.
 */
export async function changeUser({
  actorId,
  userId,
  change,
}: {
  actorId: string;
  userId: string;
  change: UserChange;
}): Promise<UserChangeResult> {
  const notToYourself = NOT_TO_YOURSELF[change];
  if (notToYourself && actorId === userId) return { ok: false, message: notToYourself };
  const outcome = await apply[change](userId);
  switch (outcome.status) {
    case "done":
      return { ok: true, message: doneMessage(change, outcome.user.email, outcome.sessionsEnded) };
    case "not-found":
      return { ok: false, message: "That account no longer exists; reload the page." };
    case "last-admin":
      return {
        ok: false,
        message: "This is the last active administrator: make another user an administrator first. Nothing changed.",
      };
    case "has-work":
      return {
        ok: false,
        message: `This user has ${describeWork(outcome.work)} that keep their name, so the account is kept. Disable it instead: it then cannot sign in, and nothing is lost.`,
      };
  }
}

import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { listOpenInvites } from "@/lib/db/queries/invites";
import { listUsersWithRunCounts } from "@/lib/db/queries/users";
import { getEnv } from "@/lib/env";
import { InviteCard } from "./_components/invite-card";
import { OpenInvites } from "./_components/open-invites";
import { UsersTable } from "./_components/users-table";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requirePageUser("/users");
  if (user.role !== "admin")
    return (
      <div className="stack">
        <h1>Users</h1>
        <div className="card" data-testid="admin-only">
          Only an administrator can see and manage users. Ask one to change your role or to invite someone.
        </div>
      </div>
    );
  const [users, invites] = await Promise.all([listUsersWithRunCounts(), listOpenInvites()]);
  return (
    <div className="stack">
      <div>
        <h1>Users</h1>
        <p className="muted">
          Everyone who can sign in here. A disabled account cannot sign in and its open sessions end at once; an account
          whose runs, pipelines or uploads record it is disabled rather than removed, so nothing loses its owner.
        </p>
      </div>
      <div className="card">
        <UsersTable users={users} you={user.id} />
      </div>
      <InviteCard accessCodeOpen={Boolean(getEnv().accessCode)} />
      {invites.length > 0 && <OpenInvites invites={invites} />}
    </div>
  );
}

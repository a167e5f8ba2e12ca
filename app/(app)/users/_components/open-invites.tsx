import { TableScroll } from "@/app/_components/table-scroll";
import type { OpenInvite } from "@/lib/db/queries/invites";
import { WithdrawInviteButton } from "./withdraw-invite-button";

const minute = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Links made and not used yet: who made them, until when they work, and a way to take one back. */
export function OpenInvites({ invites }: { invites: OpenInvite[] }) {
  return (
    <div className="card stack">
      <h2>Unused invite links</h2>
      <TableScroll label="Unused invite links">
        <table className="grid" data-testid="open-invites">
          <thead>
            <tr>
              <th>Role</th>
              <th>Made by</th>
              <th>Made</th>
              <th>Works until</th>
              <th>Withdraw</th>
            </tr>
          </thead>
          <tbody>
            {invites.map((invite) => (
              <tr key={invite.id}>
                <td>{invite.role === "admin" ? "administrator" : "member"}</td>
                <td>{invite.createdByEmail ?? "a removed user"}</td>
                <td className="nowrap">{minute(invite.createdAt)}</td>
                <td className="nowrap">{minute(invite.expiresAt)}</td>
                <td>
                  <WithdrawInviteButton inviteId={invite.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

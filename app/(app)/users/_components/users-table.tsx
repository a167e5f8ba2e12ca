import { TableScroll } from "@/app/_components/table-scroll";
import type { UserListing } from "@/lib/db/queries/users";
import { UserRowActions } from "./user-row-actions";

const day = (at: Date) => at.toISOString().slice(0, 10);

/** Every account, with what an administrator can do to each (nothing to their own, here). */
export function UsersTable({ users, you }: { users: UserListing[]; you: string }) {
  return (
    <TableScroll label="Users">
      <table className="grid users-grid" data-testid="users">
        <thead>
          <tr>
            <th>User</th>
            <th>Role</th>
            <th>Status</th>
            <th>Created</th>
            <th className="num">Runs</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-email={user.email}>
              <td>
                <b>{user.name}</b>
                <br />
                <span className="muted">{user.email}</span>
              </td>
              <td>{user.role === "admin" ? "administrator" : "member"}</td>
              <td>
                {user.disabledAt ? (
                  <span className="badge failed">disabled</span>
                ) : (
                  <span className="badge succeeded">active</span>
                )}
              </td>
              <td className="nowrap">{day(user.createdAt)}</td>
              <td className="num">{user.runCount.toLocaleString("en-US")}</td>
              <td>
                {user.id === you ? (
                  <span className="muted">This is you</span>
                ) : (
                  <UserRowActions
                    userId={user.id}
                    email={user.email}
                    role={user.role}
                    disabled={user.disabledAt !== null}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

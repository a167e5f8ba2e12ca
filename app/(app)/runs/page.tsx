import type { Metadata } from "next";
import { RunsTable } from "@/app/_components/runs-table";
import { requirePageUser } from "@/lib/auth/session";
import { listRuns } from "@/lib/db/queries/runs";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage() {
  const user = await requirePageUser("/runs");
  const runs = await listRuns({ userId: user.id, isAdmin: user.role === "admin" });
  return (
    <div className="stack">
      <div>
        <h1>Runs</h1>
        <p className="muted">{user.role === "admin" ? "Every run on this DataMorph." : "Your runs."}</p>
      </div>
      <div className="card">
        <RunsTable runs={runs} showUser={user.role === "admin"} />
      </div>
    </div>
  );
}

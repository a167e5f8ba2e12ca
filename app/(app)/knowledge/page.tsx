import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { listWarehouseKnowledge } from "@/lib/db/queries/knowledge";
import { listVerifiedExamples } from "@/lib/db/queries/verified-examples";
import { appWarehouse } from "@/lib/knowledge/app-warehouse";
import { ExamplesTable } from "./_components/examples-table";
import { KnowledgeTable } from "./_components/knowledge-table";

export const metadata: Metadata = { title: "Knowledge" };

export default async function KnowledgePage() {
  const user = await requirePageUser("/knowledge");
  const isAdmin = user.role === "admin";
  const warehouse = appWarehouse();
  const [entries, examples] = await Promise.all([
    listWarehouseKnowledge({ warehouse, userId: user.id, isAdmin }),
    listVerifiedExamples({ warehouse, userId: user.id, isAdmin }),
  ]);
  return (
    <div className="stack">
      <div>
        <h1>Knowledge</h1>
        <p className="muted">
          What people confirmed about this warehouse ({warehouse}): the planner reads these words this way instead of
          asking again. An administrator&apos;s entry applies to everyone; a member&apos;s applies to their own requests
          until an administrator approves it.{" "}
          {isAdmin
            ? "You see every entry and can approve, edit and delete them."
            : "You see the approved entries and your own, and can delete yours while they are pending."}
        </p>
      </div>
      <section className="card stack" aria-labelledby="knowledge-title">
        <h2 id="knowledge-title">Words and what they mean</h2>
        <p className="muted">
          A reading says which of several readings the words have; a spelling, which word a misspelled one stands for.
          Used counts the requests read through an entry.
        </p>
        {entries.length === 0 ? (
          <div className="empty">
            No knowledge yet. When a request reads in several ways, its run page asks which you meant: answer it and
            tick “Remember my answer for this warehouse”. <Link href="/">Describe a table</Link>
          </div>
        ) : (
          <KnowledgeTable entries={entries} user={user} />
        )}
      </section>
      <section className="card stack" aria-labelledby="examples-title">
        <h2 id="examples-title">Verified examples</h2>
        <p className="muted">
          Requests whose table someone checked and marked right: a later request that says the same, up to its values,
          is built the same way.
        </p>
        {examples.length === 0 ? (
          <div className="empty">
            No verified examples yet. Open a run that succeeded, check its table and mark it as verified.{" "}
            <Link href="/runs">See the runs</Link>
          </div>
        ) : (
          <ExamplesTable examples={examples} user={user} />
        )}
      </section>
    </div>
  );
}

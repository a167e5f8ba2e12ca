import Link from "next/link";
import { PromptForm } from "./_components/prompt-form";
import { RunsTable } from "./_components/runs-table";
import { getSessionUser } from "@/lib/auth/session";
import { listRuns } from "@/lib/db/queries/runs";
import { countUsers } from "@/lib/db/queries/users";
import { canBuildWithGlue, getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

const stages = ["Plan", "Profile", "Compile SQL", "Build shadow", "Test", "Repair", "Publish"];

export default async function HomePage() {
  const user = await getSessionUser();
  const needsSetup = !user && (await countUsers()) === 0;
  const recent = user ? await listRuns({ userId: user.id, isAdmin: false, limit: 5 }) : [];
  return (
    <div className="stack">
      <section className="hero">
        <h1>Describe the table you want. Get it built, tested and published.</h1>
        <p className="lead">
          DataMorph turns a plain-English request into a reviewable ETL spec, compiles it to SQL, builds it in a shadow
          table, proves it with data tests traced to the spec, and publishes it atomically — streaming every step as it
          happens.
        </p>
        <ul className="steps" aria-label="Pipeline stages">
          {stages.map((stage) => (
            <li key={stage}>{stage}</li>
          ))}
        </ul>
        {needsSetup && (
          <div className="row">
            <Link href="/setup" className="button">
              Create the first account
            </Link>
            <span className="muted">No accounts yet: the first one becomes the administrator.</span>
          </div>
        )}
        {!user && !needsSetup && (
          <Link href="/sign-in" className="button">
            Sign in to start
          </Link>
        )}
      </section>
      {user && (
        <section className="card">
          <PromptForm defaultEngine={canBuildWithGlue(getEnv()) ? getEnv().engine : undefined} />
        </section>
      )}
      {user && (
        <section className="card">
          <h2>Your recent runs</h2>
          <RunsTable runs={recent} showUser={false} />
        </section>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { countUsers } from "@/lib/db/queries/users";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  const done = (await countUsers()) > 0;
  return (
    <div className="narrow">
      <div className="card stack">
        {done ? (
          <>
            <h1>Setup is complete</h1>
            <p className="muted">This DataMorph already has an administrator.</p>
            <Link href="/sign-in" className="button">Go to sign in</Link>
          </>
        ) : (
          <>
            <div>
              <h1>Welcome to DataMorph</h1>
              <p className="muted">Create the first account. It becomes the administrator, who can see every run.</p>
            </div>
            <SetupForm />
          </>
        )}
      </div>
    </div>
  );
}

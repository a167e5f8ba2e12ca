import type { Metadata } from "next";
import Link from "next/link";
import { getSessionUser } from "@/lib/auth/session";
import { countUsers } from "@/lib/db/queries/users";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  const done = (await countUsers()) > 0;
  const user = done ? await getSessionUser() : null;
  return (
    <div className="narrow">
      <div className="card stack">
        {done ? (
          <>
            <h1>Setup is complete</h1>
            <p className="muted">This DataMorph already has an administrator.</p>
            {/* Someone signed in is already past the door: send them to work, not to sign in again. */}
            {user ? (
              <Link href="/" className="button">
                Start building
              </Link>
            ) : (
              <Link href="/sign-in" className="button">
                Go to sign in
              </Link>
            )}
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

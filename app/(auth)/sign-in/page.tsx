import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { countUsers } from "@/lib/db/queries/users";
import { getEnv } from "@/lib/env";
import { safeCallbackUrl } from "@/lib/server/callback-url";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  if (await getSessionUser()) redirect(safeCallbackUrl(callbackUrl));
  if ((await countUsers()) === 0) redirect("/setup");
  return (
    <div className="narrow">
      <div className="card stack">
        <div>
          <h1>Sign in</h1>
          <p className="muted">Welcome back to DataMorph.</p>
        </div>
        <SignInForm callbackUrl={callbackUrl} />
        {getEnv().accessCode && (
          <p className="muted">
            Have an access code? <Link href="/sign-up">Create an account</Link>
          </p>
        )}
      </div>
    </div>
  );
}

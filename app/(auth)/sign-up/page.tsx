import type { Metadata } from "next";
import Link from "next/link";
import { getEnv } from "@/lib/env";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  const open = Boolean(getEnv().accessCode);
  return (
    <div className="narrow">
      <div className="card stack">
        <h1>Create an account</h1>
        {open ? (
          <>
            <p className="muted">Your administrator gave you an access code.</p>
            <SignUpForm />
          </>
        ) : (
          <p className="muted">Sign-up is closed here. Ask your administrator for an account.</p>
        )}
        <p className="muted">
          Already have an account? <Link href="/sign-in">Sign in</Link>
        </p>
      </div>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { INVITE_REFUSALS, readInvite } from "@/lib/auth/invites";
import { getEnv } from "@/lib/env";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<{ invite?: string | string[] }> };

const until = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** With `?invite=<token>`: the invite's role and an account form without the access code. */
async function InviteSignUp({ token }: { token: string }) {
  const invite = await readInvite(token);
  if (invite.status !== "open")
    return (
      <p className="alert error" role="alert" data-testid="invite-refused">
        {INVITE_REFUSALS[invite.status]}
      </p>
    );
  return (
    <>
      <p className="muted" data-testid="invite-open">
        You were invited to join as {invite.role === "admin" ? "an administrator" : "a member"}. The link creates one
        account and works until {until(invite.expiresAt)}.
      </p>
      <SignUpForm invite={token} />
    </>
  );
}

export default async function SignUpPage({ searchParams }: Props) {
  const { invite } = await searchParams;
  const token = typeof invite === "string" ? invite : undefined;
  const open = Boolean(getEnv().accessCode);
  return (
    <div className="narrow">
      <div className="card stack">
        <h1>Create an account</h1>
        {token !== undefined ? (
          <InviteSignUp token={token} />
        ) : open ? (
          <>
            <p className="muted">Your administrator gave you an access code.</p>
            <SignUpForm />
          </>
        ) : (
          <p className="muted">Sign-up is closed here. Ask your administrator for an account or for an invite link.</p>
        )}
        <p className="muted">
          Already have an account? <Link href="/sign-in">Sign in</Link>
        </p>
      </div>
    </div>
  );
}

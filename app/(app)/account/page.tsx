import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "./_components/change-password-form";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  return (
    <div className="stack account">
      <div>
        <h1>Account</h1>
        <p className="muted account-identity">
          <b>{user.name}</b> ({user.role === "admin" ? "administrator" : "member"})
          <br />
          {user.email}
        </p>
      </div>
      <section className="card stack" aria-labelledby="change-password-heading">
        <div>
          <h2 id="change-password-heading">Change password</h2>
          <p className="muted">
            Changing it signs out every other browser and device signed in to this account; this one stays signed in.
          </p>
        </div>
        <ChangePasswordForm />
      </section>
    </div>
  );
}

import { INVITE_VALID_DAYS } from "@/lib/auth/invite-token";
import { InviteForm } from "./invite-form";

/** The two ways in for a new person: the shared access code, and a one-time link made here. */
export function InviteCard({ accessCodeOpen }: { accessCodeOpen: boolean }) {
  return (
    <section className="card stack invite-card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite people</h2>
      <div>
        <h3>With the access code</h3>
        {accessCodeOpen ? (
          <p className="muted" data-testid="access-code-state">
            Anyone who knows the access code can create a <b>member</b> account at <code>/sign-up</code>. The code is
            the <code>DATAMORPH_ACCESS_CODE</code> setting (the <code>AccessCode</code> secret on AWS): share it
            privately, and change it to close that way in for everyone who has it.
          </p>
        ) : (
          <p className="muted" data-testid="access-code-state">
            Closed: <code>DATAMORPH_ACCESS_CODE</code> is not set, so <code>/sign-up</code> asks for an invite link. Set
            it (the <code>AccessCode</code> secret on AWS) to let anyone who knows the code join as a member.
          </p>
        )}
      </div>
      <div className="stack">
        <div>
          <h3>With a one-time link</h3>
          <p className="muted">
            The link creates one account with the role you choose, without the access code, and works for{" "}
            {INVITE_VALID_DAYS} days. Only a fingerprint of it is kept, so it is shown once: send it to the person
            straight away.
          </p>
        </div>
        <InviteForm />
      </div>
    </section>
  );
}

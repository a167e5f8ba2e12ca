import Link from "next/link";
import { getSessionUser } from "@/lib/auth/session";
import { signOutAction } from "./sign-out-action";

export async function TopBar() {
  const user = await getSessionUser();
  return (
    <header className="topbar">
      <div className="topbar-inner">
        <Link href="/" className="brand">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/logo.svg" alt="" width={26} height={26} />
          <span className="brand-name">DataMorph</span>
        </Link>
        <nav className="nav" aria-label="Main">
          {user && (
            <>
              <Link href="/dashboard">Dashboard</Link>
              <Link href="/runs">Runs</Link>
              <Link href="/pipelines">Pipelines</Link>
              <Link href="/data">Data</Link>
              <Link href="/model">Model</Link>
              <Link href="/knowledge">Knowledge</Link>
              <Link href="/evals">Evals</Link>
              {user.role === "admin" && <Link href="/users">Users</Link>}
            </>
          )}
        </nav>
        <div className="user-menu">
          {user ? (
            <>
              <span className="signed-in-as" data-testid="signed-in-as">
                {user.email}
              </span>
              <Link href="/account">Account</Link>
              <form action={signOutAction}>
                <button type="submit" className="button secondary">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <Link href="/sign-in" className="button secondary">
              Sign in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}

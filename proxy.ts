import { NextResponse, type NextRequest } from "next/server";
import { hasSessionCookie, publicPaths } from "@/lib/auth/config";

/**
 * Sends visitors without a session cookie from protected pages to sign-in. It only redirects:
 * pages, handlers and actions verify the session themselves. It never writes the session cookie,
 * so a request still in flight during sign-out cannot bring a signed-out session back.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (publicPaths.includes(pathname) || hasSessionCookie(request.cookies.getAll().map((c) => c.name))) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|icon.svg|logo.svg).*)"],
};

import { NextResponse, type NextRequest } from "next/server";
import { hasSessionCookie, publicPaths } from "@/lib/auth/config";
import { getEnv } from "@/lib/env";
import { CROSS_SITE_MESSAGE, SAFE_METHODS, isSameOriginRequest } from "@/lib/http/same-origin";
import { contentSecurityPolicy, createNonce, isHttps, setSecurityHeaders } from "@/lib/http/security-headers";

// Paths that are not pages: the API, Next.js assets, and files such as /logo.svg.
const isPagePath = (pathname: string) => !/^\/(api|_next)(\/|$)/.test(pathname) && !/\.[a-z0-9]+$/i.test(pathname);

function route(request: NextRequest, csp: string): NextResponse {
  const { pathname, search } = request.nextUrl;
  // A write to a page URL is a server action. From another site Next.js would answer 500; the
  // API's own handlers refuse cross-site writes themselves (lib/http/handler.ts).
  if (!SAFE_METHODS.has(request.method) && !pathname.startsWith("/api/") && !isSameOriginRequest(request.headers)) {
    return NextResponse.json({ error: { code: "forbidden", message: CROSS_SITE_MESSAGE } }, { status: 403 });
  }
  if (!isPagePath(pathname)) return NextResponse.next();
  // Only page views are redirected: a server action posted without a session gets its own answer.
  if (
    SAFE_METHODS.has(request.method) &&
    !publicPaths.includes(pathname) &&
    !hasSessionCookie(request.cookies.getAll().map((c) => c.name))
  ) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  // Next.js reads the policy from the request to stamp its nonce on the page's scripts.
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  return NextResponse.next({ request: { headers } });
}

/**
 * Runs before every request: refuses cross-site writes to pages (server actions), sends visitors
 * without a session cookie from protected pages to sign-in, and puts the security headers on
 * every response, pages, API and static files alike. It never checks the session itself (pages,
 * handlers and actions do) and never writes the session cookie, so a request still in flight
 * during sign-out cannot bring a signed-out session back.
 */
export function proxy(request: NextRequest) {
  const https = isHttps(request.nextUrl, request.headers);
  const csp = contentSecurityPolicy({ nonce: createNonce(), dev: getEnv().nodeEnv === "development", https });
  const response = route(request, csp);
  setSecurityHeaders(response.headers, { csp, https });
  return response;
}

export const config = {
  // The CSV upload (POST /api/tables) bypasses the proxy: Next.js buffers a body for the proxy
  // only up to 10 MB and would hand the upload's handler a file cut short. The route puts the
  // same security headers on its answers itself (lib/http/unproxied-route.ts).
  matcher: ["/", "/((?!api/tables$).*)"],
};

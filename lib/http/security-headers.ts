/** A fresh, unguessable nonce for one response's scripts. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
}

/**
 * The Content-Security-Policy of every response. Scripts run only with this response's nonce
 * (Next.js stamps it on its own scripts when it finds the policy on the request), and what they
 * load ('strict-dynamic'). Styles may be inline: code highlighting colours tokens with style
 * attributes, and a style cannot run code. Development adds 'unsafe-eval' for React's dev tools.
 */
export function contentSecurityPolicy({ nonce, dev, https }: { nonce: string; dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

// No page uses any of these; a page that gets injected cannot ask for them either.
const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), display-capture=()";

/** Headers every response carries besides the CSP; HSTS only over HTTPS, where browsers heed it. */
export function securityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** Puts a Content-Security-Policy and the headers of `securityHeaders` on a response. */
export function setSecurityHeaders(headers: Headers, { csp, https }: { csp: string; https: boolean }): void {
  headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) headers.set(name, value);
}

/** Whether the browser reached us over HTTPS, directly or through a proxy that terminates TLS. */
export function isHttps(url: URL, headers: Headers): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0].trim();
  return (forwarded ?? url.protocol.replace(/:$/, "")) === "https";
}

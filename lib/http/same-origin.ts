/** Methods that change nothing; every other method must come from the app's own pages. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

/** Body types the API reads. Unlike text/plain, JSON cannot be sent by a foreign page without a CORS preflight we never approve. */
export const API_BODY_TYPES: readonly string[] = ["application/json", "multipart/form-data"];

/** What a refused cross-site request is told. */
export const CROSS_SITE_MESSAGE =
  "This request came from another site, so it was refused. Use DataMorph's own pages, or call the API from a script rather than a web page.";

/**
 * The host the browser addressed: Next.js and a proxy in front of it (CloudFront, a load
 * balancer) put it in x-forwarded-host, which a foreign page cannot set without a preflight.
 */
function addressedHost(headers: Headers): string {
  return (headers.get("x-forwarded-host") ?? headers.get("host") ?? "").split(",")[0].trim().toLowerCase();
}

/**
 * Whether a state-changing request comes from this app's own pages. A browser sends Origin on
 * every POST; when it is missing, Sec-Fetch-Site tells where the request came from. "same-site"
 * is refused too: another port of the same host is same-site but not this app. A request with
 * neither header is not from a browser (curl, scripts), so it carries no victim's cookie.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin !== null) {
    if (origin === "null") return false;
    try {
      return new URL(origin).host.toLowerCase() === addressedHost(headers);
    } catch {
      return false;
    }
  }
  const site = headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}

/** Whether the request's Content-Type (parameters ignored) is one of `accepted`. */
export function hasBodyType(headers: Headers, accepted: readonly string[]): boolean {
  const type = (headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  return accepted.includes(type);
}

import { isHttps, setSecurityHeaders } from "./security-headers";

// A JSON answer loads nothing, so its policy allows nothing.
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Puts the security headers that proxy.ts gives every other response on the answers of a route
 * that the proxy does not run on. The CSV upload is such a route: Next.js buffers a request
 * body for the proxy only up to a fixed size and hands the handler the cut-off rest, so a large
 * upload must reach its handler without passing through the proxy.
 */
export function withSecurityHeaders<R extends Request, A extends unknown[]>(
  handler: (request: R, ...rest: A) => Promise<Response>,
) {
  return async (request: R, ...rest: A): Promise<Response> => {
    const response = await handler(request, ...rest);
    setSecurityHeaders(response.headers, {
      csp: API_CONTENT_SECURITY_POLICY,
      https: isHttps(new URL(request.url), request.headers),
    });
    return response;
  };
}

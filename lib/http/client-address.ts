/**
 * The address a request came from, for per-address rate limits: the last x-forwarded-for entry.
 * Next.js fills that header with the socket's address when a request arrives without one, and a
 * proxy in front (CloudFront, a load balancer, nginx with $proxy_add_x_forwarded_for) appends
 * the address it saw, so the last entry is what the nearest hop saw. Next.js gives the app no
 * other view of the socket: when the app is reached directly, a client that sends its own
 * header picks its own per-address bucket. The per-account limits hold regardless.
 */
export function clientAddress(headers: Headers): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.at(-1)?.slice(0, 100) ?? "unknown";
}

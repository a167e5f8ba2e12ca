/**
 * Where to go after sign-in. Only the path of the requested URL is kept, so a crafted link can
 * never send a user to another site.
 */
export function safeCallbackUrl(value: string | undefined, fallback = "/"): string {
  if (!value) return fallback;
  try {
    const url = new URL(value, "http://datamorph.invalid");
    const target = `${url.pathname}${url.search}${url.hash}`;
    return target.startsWith("/") && !target.startsWith("//") ? target : fallback;
  } catch {
    return fallback;
  }
}

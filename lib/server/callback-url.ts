/** Only same-site paths are followed after sign-in, so a link cannot send users elsewhere. */
export function safeCallbackUrl(value: string | undefined, fallback = "/"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  return value;
}

import { describe, expect, it } from "vitest";
import { hasSessionCookie } from "./config";

describe("hasSessionCookie", () => {
  it("recognises the session cookie over HTTP, HTTPS and when chunked, and nothing else", () => {
    expect(hasSessionCookie(["authjs.session-token"])).toBe(true);
    expect(hasSessionCookie(["__Secure-authjs.session-token"])).toBe(true);
    expect(hasSessionCookie(["theme", "authjs.session-token.0"])).toBe(true);
    expect(hasSessionCookie(["authjs.csrf-token", "authjs.callback-url"])).toBe(false);
    expect(hasSessionCookie(["xauthjs.session-token"])).toBe(false);
  });
});

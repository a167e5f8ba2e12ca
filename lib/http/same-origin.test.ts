import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";
import { API_BODY_TYPES, hasBodyType, isSameOriginRequest } from "./same-origin";
import { contentSecurityPolicy, isHttps, securityHeaders } from "./security-headers";

const headers = (values: Record<string, string>) => new Headers({ host: "127.0.0.1:3000", ...values });

describe("isSameOriginRequest", () => {
  it("accepts the app's own origin, also behind a proxy that forwards the host", () => {
    expect(isSameOriginRequest(headers({ origin: "http://127.0.0.1:3000" }))).toBe(true);
    expect(
      isSameOriginRequest(
        new Headers({
          host: "lambda.internal",
          "x-forwarded-host": "data.example.com",
          origin: "https://data.example.com",
        }),
      ),
    ).toBe(true);
  });

  it("refuses another site, another port of the same host, and an opaque origin", () => {
    expect(isSameOriginRequest(headers({ origin: "http://evil.example" }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "http://127.0.0.1:9999" }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "null" }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "not a url" }))).toBe(false);
  });

  it("without Origin, trusts Sec-Fetch-Site: same-origin passes, same-site and cross-site do not", () => {
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameOriginRequest(headers({ "sec-fetch-site": "cross-site" }))).toBe(false);
  });

  it("lets a client that is no browser (neither header) through: it carries no victim's cookie", () => {
    expect(isSameOriginRequest(headers({}))).toBe(true);
  });
});

describe("hasBodyType", () => {
  it("accepts JSON and multipart with parameters, refuses what any page can send", () => {
    expect(hasBodyType(headers({ "content-type": "application/json; charset=utf-8" }), API_BODY_TYPES)).toBe(true);
    expect(hasBodyType(headers({ "content-type": "multipart/form-data; boundary=x" }), API_BODY_TYPES)).toBe(true);
    expect(hasBodyType(headers({ "content-type": "text/plain" }), API_BODY_TYPES)).toBe(false);
    expect(hasBodyType(headers({ "content-type": "application/x-www-form-urlencoded" }), API_BODY_TYPES)).toBe(false);
    expect(hasBodyType(headers({}), API_BODY_TYPES)).toBe(false);
  });
});

describe("security headers", () => {
  it("allows scripts only with the nonce, and no page may frame the app", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", dev: false, https: false });
    const scripts = csp.split("; ").find((d) => d.startsWith("script-src"));
    expect(scripts).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("sends HSTS only over HTTPS", () => {
    expect(securityHeaders({ https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(isHttps(new URL("http://x/"), new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(isHttps(new URL("http://x/"), new Headers())).toBe(false);
  });
});

describe("clientAddress", () => {
  it("takes the address the nearest hop saw", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }))).toBe("10.0.0.1");
    expect(clientAddress(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe("::ffff:127.0.0.1");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});

import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/runs", "/runs"],
    ["/runs?status=failed", "/runs?status=failed"],
    ["http://localhost:3000/data", "/data"],
    ["https://evil.example/phish", "/phish"],
    ["//evil.example/x", "/x"],
    ["/\\evil.example", "/"],
    [undefined, "/"],
    ["", "/"],
  ])("%s goes to %s on this site", (given, expected) => {
    expect(safeCallbackUrl(given)).toBe(expected);
  });
});

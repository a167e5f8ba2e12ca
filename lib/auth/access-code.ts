import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Compares in constant time so the code cannot be guessed character by character. */
export function accessCodeMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

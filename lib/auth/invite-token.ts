import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

/** How long an invite link works after it is made. */
export const INVITE_VALID_DAYS = 7;

/** A new invite token: 32 random bytes, URL-safe (43 characters). Only its hash is stored. */
export function createInviteToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * What the database keeps of a token. The token is random and long, so one unsalted SHA-256
 * suffices: a copy of the table opens no link, and a lookup by hash stays one index read.
 */
export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token as `createInviteToken` makes it; anything else is no invite. */
export const inviteTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This invite link is not valid.");

/** The path of the sign-up page that accepts `token`. */
export const invitePath = (token: string) => `/sign-up?invite=${encodeURIComponent(token)}`;

import { sql } from "drizzle-orm";
import { bigserial, index, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { datamorph, timestamps } from "./common";

export const userRole = datamorph.enum("user_role", ["admin", "member"]);

export const users = datamorph.table(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull().default("member"),
    /** Set when an administrator disables the account: it cannot sign in and its sessions end. */
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

/**
 * A signed-in browser. The session cookie names its row, so signing out (or revoking every
 * session of a user) ends it on the server even if a copy of the cookie survives.
 */
export const sessions = datamorph.table(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * A one-time sign-up link an administrator made: whoever opens it before it expires creates an
 * account with the role it names, without the access code. Only a hash of its token is kept.
 */
export const invites = datamorph.table(
  "invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    role: userRole("role").notNull().default("member"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    usedBy: uuid("used_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("invites_token_hash_key").on(t.tokenHash)],
);

/**
 * One counted attempt (a wrong password, a wrong access code, an account created) against a
 * rate-limit bucket such as "sign-in:account:ada@example.com". Kept in Postgres so limits hold
 * across processes, Lambda instances and restarts; rows older than a day are deleted as new
 * ones arrive.
 */
export const rateLimitHits = datamorph.table(
  "rate_limit_hits",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    bucket: text("bucket").notNull(),
    ...timestamps,
  },
  (t) => [
    index("rate_limit_hits_bucket_created_idx").on(t.bucket, t.createdAt),
    index("rate_limit_hits_created_idx").on(t.createdAt),
  ],
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Invite = typeof invites.$inferSelect;

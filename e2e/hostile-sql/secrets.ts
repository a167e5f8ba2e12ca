import { readFile } from "node:fs/promises";
import path from "node:path";
import type postgres from "postgres";
import { e2eAccessCode } from "../../playwright.config";
import { admin } from "../accounts";

/** Something that must never appear in a console answer, and how to spot it. */
export type Secret = { name: string; found: (text: string) => boolean };

const pattern = (name: string, regex: RegExp): Secret => ({ name, found: (text) => regex.test(text) });
const literal = (name: string, value: string): Secret => ({
  name,
  found: (text) => value.length > 0 && text.includes(value),
});
const escapeRegex = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const GENERIC: Secret[] = [
  pattern("a bcrypt password hash", /\$2[aby]\$\d\d\$[./A-Za-z0-9]{20,}/),
  pattern("a SCRAM password verifier", /SCRAM-SHA-256\$\d+:/),
  pattern("a line of /etc/passwd", /root:x:0:0:/),
  pattern(
    "a line of pg_hba.conf",
    /\b(local|host)\s+(all|replication)\s+all\b|Client Authentication Configuration File/,
  ),
  pattern("the server's environment", /(^|[\0\n]|\\000|\\u0000)(PATH|HOME|PWD|PGDATA|AUTH_SECRET|DATAMORPH_[A-Z_]+)=/),
  pattern("the name of a server secret variable", /AUTH_SECRET|DATAMORPH_ACCESS_CODE/),
  literal("the sign-up access code", e2eAccessCode),
];

/**
 * The secrets of the running app: the generic shapes above plus the real values of this
 * cluster (password hashes, the superuser's password and verifier, the signing secret, the
 * server's data folder and the accounts' emails), read through the superuser connection.
 */
export async function collectSecrets(sql: postgres.Sql, dataDir: string, memberEmail: string): Promise<Secret[]> {
  const state = JSON.parse(await readFile(path.join(dataDir, "embedded.json"), "utf8")) as {
    password: string;
    clusterDir?: string;
  };
  const authSecret = (await readFile(path.join(dataDir, "auth-secret"), "utf8").catch(() => "")).trim();
  const hashes = await sql<{ h: string }[]>`select password_hash as h from datamorph.users`;
  const verifiers = await sql<{ v: string }[]>`select rolpassword as v from pg_authid where rolpassword is not null`;
  const clusterDir = path.resolve(state.clusterDir ?? path.join(dataDir, "pg"));
  const email = (value: string) =>
    pattern(`an account email (${value})`, new RegExp(`(^|[^A-Za-z0-9._%+-])${escapeRegex(value)}`, "i"));
  return [
    ...GENERIC,
    ...hashes.map(({ h }) => literal("an account's password hash", h)),
    ...verifiers.map(({ v }) => literal("a role's password verifier", v)),
    literal("the cluster superuser's password", state.password),
    literal("the session signing secret", authSecret),
    literal("the server's data folder", clusterDir),
    email(admin.email),
    email(memberEmail),
  ];
}

/** Names of the secrets an answer gives away; bytes sent as JSON Buffers are decoded first. */
export function leakedSecrets(secrets: Secret[], answer: string): string[] {
  const text = `${answer}\n${decodeBuffers(answer)}`;
  return [...new Set(secrets.filter((secret) => secret.found(text)).map((secret) => secret.name))];
}

/** bytea values reach JSON as {"type":"Buffer","data":[…]}: turn their bytes back into text. */
function decodeBuffers(answer: string): string {
  const parts: string[] = [];
  for (const match of answer.matchAll(/"type":"Buffer","data":\[([\d,]*)\]/g)) {
    const bytes = match[1] ? match[1].split(",").map(Number) : [];
    parts.push(Buffer.from(bytes).toString("latin1"));
  }
  // JSON escapes a real newline as \n; the line-based patterns need it back.
  parts.push(answer.replace(/\\n/g, "\n").replace(/\\t/g, "\t"));
  return parts.join("\n");
}

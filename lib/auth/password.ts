import bcrypt from "bcryptjs";

// bcrypt reads at most 72 bytes; longer passwords are refused rather than silently truncated.
export const PASSWORD_MAX_BYTES = 72;
const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A real hash to compare against when the email is unknown, so timing does not reveal accounts. */
export const DUMMY_HASH = "$2b$12$y/HAxim9NJnDvHX/Wp8Vz.sOACAB9kAUx5kIUb4A/8D1/Cx5rN9BO";

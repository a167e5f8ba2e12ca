import { z } from "zod";
import { plainText } from "@/lib/input/plain-text";
import { PASSWORD_MAX_BYTES } from "./password";

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter your email.")
  .max(254, "That email is too long.")
  .email("Enter a valid email address.")
  .transform((email) => email.toLowerCase());

/** Passwords for new accounts. */
export const newPasswordSchema = z
  .string()
  .min(10, "Use at least 10 characters.")
  .refine((password) => Buffer.byteLength(password) <= PASSWORD_MAX_BYTES, "Use at most 72 bytes.");

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(1024, "Wrong email or password."),
});

export const newAccountSchema = z.object({
  name: z.string().superRefine(plainText("name")).trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  email: emailSchema,
  password: newPasswordSchema,
});

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

/** Passwords for new accounts and password changes. */
export const newPasswordSchema = z
  .string()
  // A control character cannot be typed into a password field; one that arrives was pasted by mistake or forged.
  .superRefine(plainText("password"))
  .min(10, "Use at least 10 characters.")
  .refine((password) => Buffer.byteLength(password) <= PASSWORD_MAX_BYTES, "Use at most 72 bytes.");

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(1024, "Wrong email or password."),
});

export const newAccountSchema = z.object({
  name: z
    .string()
    .superRefine(plainText("name"))
    .trim()
    .min(1, "Enter your name.")
    .max(100, "Use at most 100 characters."),
  email: emailSchema,
  password: newPasswordSchema,
});

/** The change-password form: the current password, and the new one under the sign-up rules, typed twice. */
export const passwordChangeSchema = z
  .object({
    // Not held to the new-password rules: it only has to match what is stored, which may predate them.
    currentPassword: z.string().min(1, "Enter your current password.").max(1024, "That is not your current password."),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().min(1, "Type the new password again."),
  })
  .refine(({ newPassword, confirmPassword }) => newPassword === confirmPassword, {
    path: ["confirmPassword"],
    message: "This does not match the new password; type it again.",
  })
  .refine(({ currentPassword, newPassword }) => currentPassword !== newPassword, {
    path: ["newPassword"],
    message: "This is your current password; choose a different one.",
  });

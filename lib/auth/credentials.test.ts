import { describe, expect, it } from "vitest";
import { passwordChangeSchema } from "./credentials";

const good = {
  currentPassword: "old password, long enough",
  newPassword: "new password, long enough",
  confirmPassword: "new password, long enough",
};

/** The message each field shows (its first, as the action wrapper picks), or null when the form passes. */
function messages(form: Record<string, string>): Record<string, string> | null {
  const parsed = passwordChangeSchema.safeParse(form);
  if (parsed.success) return null;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
  return fields;
}

describe("the password change form", () => {
  it("accepts a new password under the sign-up rules that differs from the current one", () => {
    expect(messages(good)).toBeNull();
  });

  it("asks for every field when the form is empty", () => {
    expect(messages({ currentPassword: "", newPassword: "", confirmPassword: "" })).toEqual({
      currentPassword: "Enter your current password.",
      newPassword: "Use at least 10 characters.",
      confirmPassword: "Type the new password again.",
    });
  });

  it("holds the new password to the sign-up rules: length, bcrypt's 72 bytes, no control characters", () => {
    expect(messages({ ...good, newPassword: "short", confirmPassword: "short" })).toEqual({
      newPassword: "Use at least 10 characters.",
    });
    const long = "é".repeat(40); // 80 bytes
    expect(messages({ ...good, newPassword: long, confirmPassword: long })).toEqual({
      newPassword: "Use at most 72 bytes.",
    });
    const bell = "long enough\u0007password";
    expect(messages({ ...good, newPassword: bell, confirmPassword: bell })).toEqual({
      newPassword: "The password contains a control character (U+0007) at character 12; remove it and send it again.",
    });
  });

  it("refuses a huge current password without checking it", () => {
    expect(messages({ ...good, currentPassword: "x".repeat(5000) })).toEqual({
      currentPassword: "That is not your current password.",
    });
  });

  it("refuses a confirmation that differs and a new password equal to the current one", () => {
    expect(messages({ ...good, confirmPassword: "new password, long enougH" })).toEqual({
      confirmPassword: "This does not match the new password; type it again.",
    });
    expect(messages({ ...good, newPassword: good.currentPassword, confirmPassword: good.currentPassword })).toEqual({
      newPassword: "This is your current password; choose a different one.",
    });
  });
});

import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { toPublicError } from "@/lib/errors";

/**
 * What every server action returns; it never echoes the submitted values back. `notice` is what
 * a successful action that stays on the page tells the user.
 */
export type ActionResult = { ok: boolean; error?: string; fieldErrors?: Record<string, string>; notice?: string };

function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
  return fields;
}

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") values[key] = value;
  return values;
}

async function runAction<T, R extends ActionResult>(
  name: string,
  schema: z.ZodType<T>,
  formData: FormData,
  body: (input: T) => Promise<R>,
): Promise<R | ActionResult> {
  const parsed = schema.safeParse(formValues(formData));
  if (!parsed.success)
    return { ok: false, error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return await body(parsed.data);
  } catch (error) {
    unstable_rethrow(error); // redirects and other framework signals must propagate
    return { ok: false, error: toPublicError(error, name).message };
  }
}

/** A server action anyone may call (sign-in, setup): parses the form with `schema`. */
export function publicAction<T>(name: string, schema: z.ZodType<T>, handler: (input: T) => Promise<ActionResult>) {
  return (_previous: ActionResult | null, formData: FormData) => runAction(name, schema, formData, handler);
}

/**
 * A session action: loads the user, refuses with `refusal(user)` when it names one, then parses
 * the form. A refused caller learns nothing of the form's rules.
 */
function sessionAction<T, R extends ActionResult>(
  name: string,
  schema: z.ZodType<T>,
  refusal: (user: SessionUser) => string | null,
  handler: (input: T, user: SessionUser) => Promise<R>,
) {
  return async (_previous: R | ActionResult | null, formData: FormData): Promise<R | ActionResult> => {
    let user: SessionUser;
    try {
      user = await requireUser();
    } catch (error) {
      return { ok: false, error: toPublicError(error, name).message };
    }
    const refused = refusal(user);
    if (refused) return { ok: false, error: refused };
    return runAction(name, schema, formData, (input) => handler(input, user));
  };
}

/**
 * A server action that needs a session: loads the user first, then parses the form. `R` lets an
 * action return more than `ActionResult` (a link to show once).
 */
export function userAction<T, R extends ActionResult = ActionResult>(
  name: string,
  schema: z.ZodType<T>,
  handler: (input: T, user: SessionUser) => Promise<R>,
) {
  return sessionAction(name, schema, () => null, handler);
}

/** What an administrator's action answers anyone else. */
export const ADMIN_ONLY = "Only an administrator can do this.";

/**
 * A server action for administrators only: like `userAction`, but refused with `ADMIN_ONLY`,
 * changing nothing, unless the user's role is admin now. The role is read from the database on
 * each request (lib/auth/index.ts), so a demoted administrator is refused at once.
 */
export function adminAction<T, R extends ActionResult = ActionResult>(
  name: string,
  schema: z.ZodType<T>,
  handler: (input: T, user: SessionUser) => Promise<R>,
) {
  return sessionAction(name, schema, (user) => (user.role === "admin" ? null : ADMIN_ONLY), handler);
}

import "server-only";
import { NextResponse } from "next/server";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { toPublicError } from "@/lib/errors";

type Context<P> = { params: Promise<P> };

/** A JSON error body with the status its code maps to; internal details stay in the server log. */
export function errorResponse(error: unknown, context: string): NextResponse {
  const publicError = toPublicError(error, context);
  return NextResponse.json({ error: { code: publicError.code, message: publicError.message } }, { status: publicError.status });
}

/**
 * Wraps a route handler that needs a session: answers 401 JSON without one and turns thrown
 * errors into clear JSON errors.
 */
export function withUser<P = Record<string, never>>(
  name: string,
  handler: (request: Request, user: SessionUser, params: P) => Promise<Response>,
) {
  return async (request: Request, context: Context<P>): Promise<Response> => {
    try {
      const user = await requireUser();
      return await handler(request, user, await context.params);
    } catch (error) {
      return errorResponse(error, name);
    }
  };
}

import "server-only";
import { NextResponse } from "next/server";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { AppError, toPublicError } from "@/lib/errors";
import { API_BODY_TYPES, CROSS_SITE_MESSAGE, SAFE_METHODS, hasBodyType, isSameOriginRequest } from "./same-origin";

type Context<P> = { params: Promise<P> };

/** Which bodies a state-changing handler reads; the default is JSON and multipart forms. */
export type BodyTypes = { bodyTypes?: readonly string[] };

/** A JSON error body with the status its code maps to; internal details stay in the server log. */
export function errorResponse(error: unknown, context: string): NextResponse {
  const publicError = toPublicError(error, context);
  return NextResponse.json(
    { error: { code: publicError.code, message: publicError.message } },
    { status: publicError.status },
  );
}

const typeNames: Record<string, string> = {
  "application/json": "JSON (Content-Type: application/json)",
  "multipart/form-data": "a multipart form",
  "application/x-www-form-urlencoded": "a URL-encoded form",
  "text/csv": "a CSV file (Content-Type: text/csv)",
};

/**
 * Refuses a state-changing request that another site could have made with the user's cookie:
 * one from a foreign origin (403), or with a body type any page may send without a CORS
 * preflight, such as text/plain (415). Reads (GET, HEAD) pass.
 */
export function assertSameOriginWrite(request: Request, { bodyTypes = API_BODY_TYPES }: BodyTypes = {}): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (!isSameOriginRequest(request.headers)) {
    throw new AppError("forbidden", CROSS_SITE_MESSAGE);
  }
  // A DELETE without a body reads nothing, and no foreign page can send one without a preflight.
  if (request.method === "DELETE" && !request.headers.has("content-type")) return;
  if (!hasBodyType(request.headers, bodyTypes)) {
    throw new AppError(
      "unsupported_media_type",
      `Send the body as ${bodyTypes.map((type) => typeNames[type] ?? type).join(" or ")}.`,
    );
  }
}

/** Wraps a handler anyone may call (such as the Auth.js endpoints) with the same-origin check of `assertSameOriginWrite`. */
export function withSameOrigin<R extends Request, A extends unknown[]>(
  name: string,
  handler: (request: R, ...rest: A) => Promise<Response>,
  options: BodyTypes = {},
) {
  return async (request: R, ...rest: A): Promise<Response> => {
    try {
      assertSameOriginWrite(request, options);
      return await handler(request, ...rest);
    } catch (error) {
      return errorResponse(error, name);
    }
  };
}

/**
 * Wraps a route handler that needs a session: refuses cross-site writes (see
 * `assertSameOriginWrite`), answers 401 JSON without a session and turns thrown errors into
 * clear JSON errors.
 */
export function withUser<P = Record<string, never>>(
  name: string,
  handler: (request: Request, user: SessionUser, params: P) => Promise<Response>,
  options: BodyTypes = {},
) {
  return async (request: Request, context: Context<P>): Promise<Response> => {
    try {
      assertSameOriginWrite(request, options);
      const user = await requireUser();
      return await handler(request, user, await context.params);
    } catch (error) {
      return errorResponse(error, name);
    }
  };
}

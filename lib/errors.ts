import { logError } from "@/lib/log/safe-log";

/** What went wrong, in terms a client can act on; each code maps to one HTTP status. */
export type AppErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "too_many_requests"
  | "unavailable"
  | "internal";

const statusByCode: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
};

/** An error whose message is safe to show to the user. */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

/**
 * Turns any thrown value into something safe to show: an AppError keeps its message; anything else
 * is logged for the operator and replaced with a generic message.
 */
export function toPublicError(error: unknown, context: string): AppError {
  if (error instanceof AppError) return error;
  logError(context, error);
  return new AppError(
    "internal",
    "Something went wrong on our side. Try again; if it keeps failing, check the server log.",
  );
}

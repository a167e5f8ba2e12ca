// GET|POST /api/auth/* – Auth.js endpoints (session, CSRF, credentials callback, sign-out)
import { handlers } from "@/lib/auth";
import { withSameOrigin } from "@/lib/http/handler";

export const { GET } = handlers;
// Auth.js posts URL-encoded forms; the same-origin check still keeps other sites out.
export const POST = withSameOrigin("POST /api/auth", handlers.POST, {
  bodyTypes: ["application/x-www-form-urlencoded"],
});

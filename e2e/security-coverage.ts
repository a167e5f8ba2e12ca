// What the security suite checks for each route handler, page and server action in app/. The
// suite compares these lists with the app/ tree, so a new route fails it until it is added here.

export const SEED = "Join customers and orders on customer_id, calculate total order amount per customer";
/** A run id that exists nowhere. */
export const NO_RUN = "00000000-0000-4000-8000-000000000000";

export type Sample = { data?: unknown; form?: Record<string, string>; headers?: Record<string, string> };
export type Access = "session" | "public";

/** Every route handler in app/: a URL that reaches it, who may call it, and a body for each method. */
export const routes: Record<string, { url: string; access: Access; methods: Record<string, Sample> }> = {
  "/api/auth/[...nextauth]": {
    url: "/api/auth/signout",
    access: "public",
    methods: { GET: {}, POST: { form: { callbackUrl: "/" } } },
  },
  "/api/health": { url: "/api/health", access: "public", methods: { GET: {} } },
  "/api/me": { url: "/api/me", access: "session", methods: { GET: {} } },
  "/api/model": {
    url: "/api/model",
    access: "session",
    methods: { GET: {}, POST: { data: { yaml: "format_version: 1" } } },
  },
  "/api/pipelines": {
    url: "/api/pipelines",
    access: "session",
    methods: { GET: {}, POST: { data: { runId: NO_RUN, name: "stolen" } } },
  },
  "/api/pipelines/[id]": { url: `/api/pipelines/${NO_RUN}`, access: "session", methods: { GET: {}, DELETE: {} } },
  "/api/pipelines/[id]/backfill": {
    url: `/api/pipelines/${NO_RUN}/backfill`,
    access: "session",
    methods: { POST: { data: { parameter: "month", from: "2024-01-01", to: "2024-02-01", every: "month" } } },
  },
  "/api/pipelines/[id]/runs": {
    url: `/api/pipelines/${NO_RUN}/runs`,
    access: "session",
    methods: { POST: { data: {} } },
  },
  "/api/pipelines/[id]/schedule": {
    url: `/api/pipelines/${NO_RUN}/schedule`,
    access: "session",
    methods: { POST: { data: { paused: true } } },
  },
  "/api/query": { url: "/api/query", access: "session", methods: { POST: { data: { sql: "select 1" } } } },
  "/api/runs": { url: "/api/runs", access: "session", methods: { GET: {}, POST: { data: { prompt: SEED } } } },
  "/api/runs/[id]": { url: `/api/runs/${NO_RUN}`, access: "session", methods: { GET: {} } },
  "/api/runs/[id]/answers": {
    url: `/api/runs/${NO_RUN}/answers`,
    access: "session",
    methods: { POST: { data: { answers: { q00000000: "c1" } } } },
  },
  "/api/runs/[id]/events": { url: `/api/runs/${NO_RUN}/events`, access: "session", methods: { GET: {} } },
  "/api/runs/[id]/report.pdf": { url: `/api/runs/${NO_RUN}/report.pdf`, access: "session", methods: { GET: {} } },
  "/api/runs/[id]/plan": { url: `/api/runs/${NO_RUN}/plan`, access: "session", methods: { POST: { data: {} } } },
  "/api/runs/[id]/rerun": {
    url: `/api/runs/${NO_RUN}/rerun`,
    access: "session",
    methods: { POST: { data: { prompt: SEED } } },
  },
  "/api/runs/[id]/result.csv": { url: `/api/runs/${NO_RUN}/result.csv`, access: "session", methods: { GET: {} } },
  "/api/runs/[id]/rollback": {
    url: `/api/runs/${NO_RUN}/rollback`,
    access: "session",
    methods: { POST: { data: {} } },
  },
  "/api/runs/[id]/verify": { url: `/api/runs/${NO_RUN}/verify`, access: "session", methods: { POST: { data: {} } } },
  "/api/schemas": { url: "/api/schemas", access: "session", methods: { GET: {} } },
  "/api/tables": {
    url: "/api/tables?name=csrf_upload.csv",
    access: "session",
    methods: { POST: { data: "a\n1\n", headers: { "content-type": "text/csv" } } },
  },
  "/api/tables/[name]/rollback": {
    url: "/api/tables/orders/rollback",
    access: "session",
    methods: { POST: { data: {} } },
  },
  "/api/tables/[name]/rows": { url: "/api/tables/orders/rows", access: "session", methods: { GET: {} } },
};

/** Every page in app/ and who may open it. */
export const pages: Record<string, { url: string; access: Access }> = {
  "/": { url: "/", access: "public" },
  "/account": { url: "/account", access: "session" },
  "/dashboard": { url: "/dashboard", access: "session" },
  "/data": { url: "/data", access: "session" },
  "/data/[table]": { url: "/data/orders", access: "session" },
  "/evals": { url: "/evals", access: "session" },
  "/knowledge": { url: "/knowledge", access: "session" },
  "/model": { url: "/model", access: "session" },
  "/pipelines": { url: "/pipelines", access: "session" },
  "/pipelines/[id]": { url: `/pipelines/${NO_RUN}`, access: "session" },
  "/runs": { url: "/runs", access: "session" },
  "/runs/[id]": { url: `/runs/${NO_RUN}`, access: "session" },
  "/setup": { url: "/setup", access: "public" },
  "/sign-in": { url: "/sign-in", access: "public" },
  "/sign-up": { url: "/sign-up", access: "public" },
  "/users": { url: "/users", access: "session" },
};

/** Every server action module in app/: a page that posts to it, and who may call each action. */
export const actionFiles: Record<string, { page: string; actions: Record<string, Access> }> = {
  "app/actions.ts": { page: "/", actions: { startRunAction: "session" } },
  "app/(app)/account/actions.ts": { page: "/account", actions: { changePasswordAction: "session" } },
  "app/(app)/knowledge/actions.ts": {
    page: "/knowledge",
    actions: {
      approveExampleAction: "session",
      approveKnowledgeAction: "session",
      deleteExampleAction: "session",
      deleteKnowledgeAction: "session",
      editKnowledgeAction: "session",
    },
  },
  "app/(app)/pipelines/[id]/actions.ts": {
    page: `/pipelines/${NO_RUN}`,
    actions: {
      backfillAction: "session",
      deletePipelineAction: "session",
      editPipelineAction: "session",
      pauseAction: "session",
      runPipelineAction: "session",
      scheduleAction: "session",
    },
  },
  "app/(app)/runs/[id]/actions.ts": {
    page: `/runs/${NO_RUN}`,
    actions: {
      rerunAction: "session",
      rollbackAction: "session",
      savePipelineAction: "session",
      verifyRunAction: "session",
    },
  },
  "app/(app)/users/actions.ts": {
    page: "/users",
    actions: {
      changeRoleAction: "session",
      createInviteAction: "session",
      disableUserAction: "session",
      enableUserAction: "session",
      removeUserAction: "session",
      withdrawInviteAction: "session",
    },
  },
  "app/(auth)/setup/actions.ts": { page: "/setup", actions: { setupAction: "public" } },
  "app/(auth)/sign-in/actions.ts": { page: "/sign-in", actions: { signInAction: "public" } },
  "app/(auth)/sign-up/actions.ts": {
    page: "/sign-up",
    actions: { inviteSignUpAction: "public", signUpAction: "public" },
  },
  "app/_components/sign-out-action.ts": { page: "/", actions: { signOutAction: "public" } },
};

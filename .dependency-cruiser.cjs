/**
 * The layers of DataMorph, checked on every `npm test` (see docs/architecture.md):
 *
 *   lib/      the core domain: configuration, database, catalog, planner, spec, codegen, tests…
 *   agents/   the run pipeline (planner → builder → tester → remediator → publisher), built on lib/
 *   surfaces  what people and machines use: app/ (web), cli/ (terminal), bench/ (measurements),
 *             instrumentation.ts and proxy.ts (the web server's hooks); agents/lambda.ts is the
 *             pipeline's own Lambda entry point
 *
 * Imports point down only. Test files (`*.test.ts`) and test support (`lib/testing/`,
 * `lib/pipeline-tests/`, `agents/testing/`, `e2e/`) stand outside the layers: they may use any
 * of them, and no product code may use them.
 */
const TESTS = "(^|/)[^/]+\\.test\\.tsx?$|^(lib|agents)/testing/|^lib/pipeline-tests/|^e2e/";
const SURFACES = "^(app|cli|bench)/|^(instrumentation|proxy)\\.ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-not-to-agents",
      comment:
        "lib/ is the core the agents build on; it takes a run starter or pipeline runner as an argument instead.",
      severity: "error",
      from: { path: "^lib/", pathNot: TESTS },
      to: { path: "^agents/" },
    },
    {
      name: "core-not-to-surfaces",
      comment: "lib/ never knows who calls it: no web routes or components, no CLI, no bench.",
      severity: "error",
      from: { path: "^lib/", pathNot: TESTS },
      to: { path: SURFACES },
    },
    {
      name: "agents-not-to-surfaces",
      comment: "The pipeline runs the same from the web, the CLI, Lambda and the bench.",
      severity: "error",
      from: { path: "^agents/", pathNot: TESTS },
      to: { path: SURFACES },
    },
    {
      name: "surfaces-not-to-each-other",
      comment: "The web app and the CLI share code through lib/ and agents/, not through each other.",
      severity: "error",
      from: { path: "^(app|cli)/" },
      to: { path: SURFACES, pathNot: "^$1/" },
    },
    {
      name: "no-route-imports",
      comment: "A route handler is an entry point; what two routes share belongs in lib/.",
      severity: "error",
      from: {},
      to: { path: "(^|/)route\\.tsx?$" },
    },
    {
      name: "catalog-not-to-planner",
      comment: "The catalog describes the warehouse; the planners read it, not the other way round.",
      severity: "error",
      from: { path: "^lib/catalog/" },
      to: { path: "^lib/planner/" },
    },
    {
      name: "env-at-the-bottom",
      comment: "lib/env.ts reads the configuration and depends on nothing of the domain (only the SST link reader).",
      severity: "error",
      from: { path: "^lib/env\\.ts$" },
      to: { path: "^(lib|agents|app)/", pathNot: "^lib/aws/linked\\.ts$" },
    },
    {
      name: "product-not-to-tests",
      comment: "Test files and test support are never part of what ships.",
      severity: "error",
      from: { path: "^(lib|agents|app|cli)/|^(instrumentation|proxy)\\.ts$", pathNot: TESTS },
      to: { path: TESTS },
    },
    {
      name: "app-tables-through-queries",
      comment:
        "DataMorph's own tables (schema datamorph) are read and written through lib/db/queries only: the drizzle tables and drizzle itself stay in lib/db (their row types may be imported anywhere).",
      severity: "error",
      from: { pathNot: `^lib/db/|${TESTS}` },
      to: { path: "^lib/db/schema(\\.ts$|/)|^node_modules/drizzle-orm/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that resolves to nothing is a typo or a missing dependency.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(\\.next|\\.data|\\.sst|\\.open-next|drizzle|public|infra)/|^e2e/\\.output/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    skipAnalysisNotInRules: true,
  },
};

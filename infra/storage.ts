// Run events: one item per event, read back in order within a run. On-demand capacity, so an idle
// deployment costs nothing here.
export const events = new sst.aws.Dynamo("Events", {
  fields: { runId: "string", seq: "number" },
  primaryIndex: { hashKey: "runId", rangeKey: "seq" },
});

/** Where Glue jobs keep their temporary files, inside the artifacts bucket. */
export const GLUE_TEMP_PREFIX = "glue-temp/";

// Run artifacts (spec, SQL, PySpark, report) under runs/<runId>/<kind>; Glue reads its job
// script from runs/<runId>/job.py. Glue's temp files are scratch, so they expire.
export const artifacts = new sst.aws.Bucket("Artifacts", {
  lifecycle: [{ id: "expire-glue-temp", prefix: GLUE_TEMP_PREFIX, expiresIn: "7 days" }],
});

import { randomBytes } from "node:crypto";

export type Json = Record<string, unknown>;
export type LocalGlueJob = Json & {
  Name: string;
  DefaultArguments?: Record<string, string>;
  ExecutionProperty?: { MaxConcurrentRuns?: number };
};
export type LocalGlueRun = {
  id: string;
  jobName: string;
  state: string;
  /** The job's default arguments with the run's on top, as Glue hands them to the script. */
  arguments: Record<string, string>;
  errorMessage?: string;
  startedOn: number;
  completedOn?: number;
  /** The state the last GetJobRun answered with. */
  reported?: string;
  outcome?: { ok: true } | { ok: false; message: string };
};

/**
 * What the job's Spark would do. No Spark runs here, so when a run starts RUNNING the endpoint
 * calls this instead (a test builds the shadow table named by `--TARGET_TABLE` with SQL on the
 * real test Postgres); the run SUCCEEDS when it resolves and FAILS with its error's message when
 * it rejects. It never resolving keeps the run RUNNING, as a hung job would.
 */
export type SparkStandIn = (run: LocalGlueRun, job: LocalGlueJob) => Promise<void>;

const ACTIVE = new Set(["STARTING", "RUNNING", "WAITING"]);
const seconds = (ms: number) => Math.floor(ms / 1000);

/** A Glue error: answered as HTTP 400 with `{"__type": type, "message": message}`. */
export class GlueFault extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Glue's job and job-run operations over jobs and runs kept in memory. A run goes STARTING ->
 * RUNNING -> SUCCEEDED or FAILED (or STOPPING -> STOPPED), one step per GetJobRun poll.
 */
export function createGlueService(state: { spark: SparkStandIn }) {
  const jobs = new Map<string, LocalGlueJob>();
  const runs = new Map<string, LocalGlueRun>();
  const jobOf = (name: unknown) => {
    const job = jobs.get(String(name));
    if (!job) throw new GlueFault("EntityNotFoundException", `Job with name: ${String(name)} not found`);
    return job;
  };
  // One step per poll, and only once the current state has been reported: a client polling
  // often enough sees every state.
  const advance = (run: LocalGlueRun, job: LocalGlueJob) => {
    if (run.state !== run.reported) return;
    if (run.state === "STARTING") {
      run.state = "RUNNING";
      state.spark(run, job).then(
        () => (run.outcome = { ok: true }),
        (error: unknown) =>
          (run.outcome = { ok: false, message: error instanceof Error ? error.message : String(error) }),
      );
    } else if (run.state === "RUNNING" && run.outcome) {
      run.state = run.outcome.ok ? "SUCCEEDED" : "FAILED";
      if (!run.outcome.ok) run.errorMessage = run.outcome.message;
      run.completedOn = Date.now();
    } else if (run.state === "STOPPING") {
      run.state = "STOPPED";
      run.completedOn = Date.now();
    }
  };
  const operations: Record<string, (body: Json) => Json> = {
    GetJob: (body) => ({ Job: jobOf(body.JobName) }),
    CreateJob: (body) => {
      const name = String(body.Name ?? "");
      if (!name || !body.Role || !(body.Command as Json | undefined)?.ScriptLocation)
        throw new GlueFault("InvalidInputException", "Name, Role and Command.ScriptLocation are required");
      if (jobs.has(name)) throw new GlueFault("AlreadyExistsException", `Job ${name} already exists`);
      jobs.set(name, { ...body, Name: name, CreatedOn: seconds(Date.now()), LastModifiedOn: seconds(Date.now()) });
      return { Name: name };
    },
    UpdateJob: (body) => {
      const job = jobOf(body.JobName);
      // Like Glue: the update replaces the definition, it does not merge into it.
      jobs.set(job.Name, {
        ...(body.JobUpdate as Json),
        Name: job.Name,
        CreatedOn: job.CreatedOn,
        LastModifiedOn: seconds(Date.now()),
      });
      return { JobName: job.Name };
    },
    StartJobRun: (body) => {
      const job = jobOf(body.JobName);
      const active = [...runs.values()].filter((r) => r.jobName === job.Name && ACTIVE.has(r.state)).length;
      if (active >= (job.ExecutionProperty?.MaxConcurrentRuns ?? 1))
        throw new GlueFault("ConcurrentRunsExceededException", `Concurrent runs exceeded for ${job.Name}`);
      const run: LocalGlueRun = {
        id: `jr_${randomBytes(32).toString("hex")}`,
        jobName: job.Name,
        state: "STARTING",
        arguments: { ...job.DefaultArguments, ...(body.Arguments as Record<string, string>) },
        startedOn: Date.now(),
      };
      runs.set(run.id, run);
      return { JobRunId: run.id };
    },
    GetJobRun: (body) => {
      const job = jobOf(body.JobName);
      const run = runs.get(String(body.RunId));
      if (!run || run.jobName !== job.Name)
        throw new GlueFault("EntityNotFoundException", `Job run ${String(body.RunId)} not found`);
      advance(run, job);
      run.reported = run.state;
      const ended = run.completedOn ?? Date.now();
      const { id, jobName, state: JobRunState, arguments: Arguments, errorMessage: ErrorMessage } = run;
      return {
        JobRun: {
          Id: id,
          JobName: jobName,
          JobRunState,
          Arguments,
          ErrorMessage,
          Attempt: 0,
          StartedOn: seconds(run.startedOn),
          LastModifiedOn: seconds(Date.now()),
          CompletedOn: run.completedOn && seconds(run.completedOn),
          ExecutionTime: seconds(ended - run.startedOn),
          GlueVersion: job.GlueVersion,
        },
      };
    },
    BatchStopJobRun: (body) => {
      const ids = (body.JobRunIds as string[]) ?? [];
      const stoppable = ids.filter((id) => runs.get(id)?.jobName === body.JobName && ACTIVE.has(runs.get(id)!.state));
      for (const id of stoppable) runs.get(id)!.state = "STOPPING";
      const errors = ids
        .filter((id) => !stoppable.includes(id))
        .map((id) => ({
          JobName: body.JobName,
          JobRunId: id,
          ErrorDetail: { ErrorCode: "InvalidInputException", ErrorMessage: "Job run is not running" },
        }));
      return {
        SuccessfulSubmissions: stoppable.map((id) => ({ JobName: body.JobName, JobRunId: id })),
        Errors: errors,
      };
    },
  };

  return { jobs, runs, operations };
}

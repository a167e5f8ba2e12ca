import { z } from "zod";
import { PARAMETER_TYPES } from "./parameters";

const ParameterValueSchema = z.union([z.string().max(500), z.number(), z.boolean()]);

/** `POST /api/pipelines`: save a succeeded run as a pipeline. */
export const savePipelineSchema = z.object({
  runId: z.string().uuid("runId must be the id of one of your runs."),
  name: z.string().max(200),
  /** The target table name; it may use `{{parameter}}`. Default: the run's table. */
  target: z.string().max(200).optional(),
  /** Each parameter names its slot (`"filters.0.value"`) or its type and default (the value it replaces). */
  parameters: z
    .array(
      z.object({
        name: z.string().max(100),
        slot: z
          .string()
          .regex(/^[a-z]+(\.[A-Za-z0-9]+)+$/, "slot must look like filters.0.value")
          .optional(),
        type: z.enum(PARAMETER_TYPES).optional(),
        default: z.string().max(500).optional(),
      }),
    )
    .max(20)
    .default([]),
});

/** A slot key such as `filters.1.values.0` as the path makeTemplate takes. */
export const slotPath = (slot: string) => slot.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** `POST /api/pipelines/<id>/runs`: run now, with parameter values (defaults for the rest). */
export const runPipelineSchema = z.object({
  parameters: z.record(z.string().max(100), ParameterValueSchema).default({}),
});

/** `POST /api/pipelines/<id>/schedule`: set the cron schedule, or pause / resume it. */
export const scheduleSchema = z.union([
  z.object({
    cron: z.string().max(200),
    timezone: z.string().max(100).default("UTC"),
    catchUp: z.enum(["run_once", "skip"]).default("run_once"),
  }),
  z.object({ paused: z.boolean() }),
]);

/** `POST /api/pipelines/<id>/backfill`: one run per period of a date parameter, in order. */
export const backfillSchema = z.object({
  parameter: z.string().max(100),
  from: z.string().max(20),
  to: z.string().max(20),
  every: z.enum(["day", "week", "month"]),
  parameters: z.record(z.string().max(100), ParameterValueSchema).default({}),
});

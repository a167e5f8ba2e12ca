CREATE TABLE "datamorph"."pipeline_firings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"run_id" uuid,
	"message" text,
	"fired_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "datamorph"."scheduler_leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "datamorph"."pipelines" ADD COLUMN "cron" text;--> statement-breakpoint
ALTER TABLE "datamorph"."pipelines" ADD COLUMN "timezone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "datamorph"."pipelines" ADD COLUMN "paused" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "datamorph"."pipelines" ADD COLUMN "catch_up" text DEFAULT 'run_once' NOT NULL;--> statement-breakpoint
ALTER TABLE "datamorph"."pipelines" ADD COLUMN "next_fire_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "datamorph"."pipeline_firings" ADD CONSTRAINT "pipeline_firings_pipeline_id_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "datamorph"."pipelines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datamorph"."pipeline_firings" ADD CONSTRAINT "pipeline_firings_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "datamorph"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pipeline_firings_pipeline_moment_key" ON "datamorph"."pipeline_firings" USING btree ("pipeline_id","scheduled_for");--> statement-breakpoint
CREATE INDEX "pipelines_due_idx" ON "datamorph"."pipelines" USING btree ("next_fire_at") WHERE "datamorph"."pipelines"."cron" is not null and not "datamorph"."pipelines"."paused";
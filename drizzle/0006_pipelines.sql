CREATE TABLE "datamorph"."pipeline_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"spec" jsonb NOT NULL,
	"parameters" jsonb NOT NULL,
	"target_table" text NOT NULL,
	"engine" text,
	"source_shape" jsonb NOT NULL,
	"from_run_id" uuid,
	"created_by" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "datamorph"."pipelines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"user_id" uuid NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "datamorph"."runs" ADD COLUMN "pipeline_id" uuid;--> statement-breakpoint
ALTER TABLE "datamorph"."runs" ADD COLUMN "pipeline_version_id" uuid;--> statement-breakpoint
ALTER TABLE "datamorph"."runs" ADD COLUMN "parameters" jsonb;--> statement-breakpoint
ALTER TABLE "datamorph"."runs" ADD COLUMN "trigger" text;--> statement-breakpoint
ALTER TABLE "datamorph"."runs" ADD COLUMN "triggered_by" uuid;--> statement-breakpoint
ALTER TABLE "datamorph"."pipeline_versions" ADD CONSTRAINT "pipeline_versions_pipeline_id_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "datamorph"."pipelines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datamorph"."pipeline_versions" ADD CONSTRAINT "pipeline_versions_from_run_id_runs_id_fk" FOREIGN KEY ("from_run_id") REFERENCES "datamorph"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datamorph"."pipeline_versions" ADD CONSTRAINT "pipeline_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "datamorph"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datamorph"."pipelines" ADD CONSTRAINT "pipelines_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "datamorph"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pipeline_versions_pipeline_version_key" ON "datamorph"."pipeline_versions" USING btree ("pipeline_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "pipelines_name_key" ON "datamorph"."pipelines" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "pipelines_user_idx" ON "datamorph"."pipelines" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "datamorph"."runs" ADD CONSTRAINT "runs_pipeline_id_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "datamorph"."pipelines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datamorph"."runs" ADD CONSTRAINT "runs_pipeline_version_id_pipeline_versions_id_fk" FOREIGN KEY ("pipeline_version_id") REFERENCES "datamorph"."pipeline_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datamorph"."runs" ADD CONSTRAINT "runs_triggered_by_users_id_fk" FOREIGN KEY ("triggered_by") REFERENCES "datamorph"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "runs_pipeline_created_idx" ON "datamorph"."runs" USING btree ("pipeline_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "runs_one_active_per_pipeline_key" ON "datamorph"."runs" USING btree ("pipeline_id") WHERE "datamorph"."runs"."pipeline_id" is not null and "datamorph"."runs"."status" in ('queued', 'running');
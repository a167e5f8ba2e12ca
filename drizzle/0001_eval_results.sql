CREATE TABLE "datamorph"."eval_results" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"eval_run_id" uuid NOT NULL,
	"case_id" text NOT NULL,
	"prompt" text NOT NULL,
	"outcome" text NOT NULL,
	"expected" text NOT NULL,
	"reason" text,
	"run_id" uuid,
	"ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "datamorph"."eval_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" text NOT NULL,
	"planner" text NOT NULL,
	"files" jsonb NOT NULL,
	"totals" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "datamorph"."eval_results" ADD CONSTRAINT "eval_results_eval_run_id_eval_runs_id_fk" FOREIGN KEY ("eval_run_id") REFERENCES "datamorph"."eval_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "eval_results_case_idx" ON "datamorph"."eval_results" USING btree ("case_id","created_at");
CREATE TABLE "datamorph"."knowledge" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"warehouse" text NOT NULL,
	"kind" text NOT NULL,
	"phrase" text NOT NULL,
	"meaning" text NOT NULL,
	"created_by" uuid,
	"run_id" uuid,
	"approved" boolean DEFAULT false NOT NULL,
	"use_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "datamorph"."knowledge" ADD CONSTRAINT "knowledge_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "datamorph"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datamorph"."knowledge" ADD CONSTRAINT "knowledge_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "datamorph"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_warehouse_kind_phrase_author_key" ON "datamorph"."knowledge" USING btree ("warehouse","kind",lower("phrase"),"created_by");
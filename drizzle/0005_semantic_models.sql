CREATE TABLE "datamorph"."semantic_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"warehouse" text NOT NULL,
	"version" integer NOT NULL,
	"catalog_hash" text NOT NULL,
	"source" text NOT NULL,
	"model" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "datamorph"."semantic_models" ADD CONSTRAINT "semantic_models_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "datamorph"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "semantic_models_warehouse_version_key" ON "datamorph"."semantic_models" USING btree ("warehouse","version");
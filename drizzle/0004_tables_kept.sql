CREATE TABLE "datamorph"."uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"schema_name" text NOT NULL,
	"table_name" text NOT NULL,
	"file_name" text NOT NULL,
	"row_count" integer NOT NULL,
	"kept_previous" boolean DEFAULT false NOT NULL,
	"rolled_back_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "datamorph"."runs" ADD COLUMN "replace_target" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "datamorph"."runs" ADD COLUMN "kept_previous" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "datamorph"."runs" ADD COLUMN "rolled_back_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "datamorph"."runs" ADD COLUMN "rolled_back_by" uuid;--> statement-breakpoint
ALTER TABLE "datamorph"."uploads" ADD CONSTRAINT "uploads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "datamorph"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "uploads_table_idx" ON "datamorph"."uploads" USING btree ("schema_name","table_name","created_at");--> statement-breakpoint
ALTER TABLE "datamorph"."runs" ADD CONSTRAINT "runs_rolled_back_by_users_id_fk" FOREIGN KEY ("rolled_back_by") REFERENCES "datamorph"."users"("id") ON DELETE no action ON UPDATE no action;
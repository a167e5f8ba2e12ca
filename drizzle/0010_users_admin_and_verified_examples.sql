CREATE TABLE "datamorph"."invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"role" "datamorph"."user_role" DEFAULT 'member' NOT NULL,
	"created_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "datamorph"."verified_examples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"warehouse" text NOT NULL,
	"prompt" text NOT NULL,
	"spec" jsonb NOT NULL,
	"created_by" uuid,
	"run_id" uuid,
	"approved" boolean DEFAULT false NOT NULL,
	"use_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "datamorph"."users" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "datamorph"."invites" ADD CONSTRAINT "invites_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "datamorph"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datamorph"."invites" ADD CONSTRAINT "invites_used_by_users_id_fk" FOREIGN KEY ("used_by") REFERENCES "datamorph"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datamorph"."verified_examples" ADD CONSTRAINT "verified_examples_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "datamorph"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datamorph"."verified_examples" ADD CONSTRAINT "verified_examples_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "datamorph"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invites_token_hash_key" ON "datamorph"."invites" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "verified_examples_warehouse_prompt_author_key" ON "datamorph"."verified_examples" USING btree ("warehouse",lower("prompt"),"created_by");
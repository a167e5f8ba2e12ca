ALTER TYPE "datamorph"."run_status" ADD VALUE 'needs_input';--> statement-breakpoint
ALTER TYPE "datamorph"."run_status" ADD VALUE 'in_review';
CREATE TABLE "casefile_review_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"selection" text NOT NULL,
	"sample_seed" text,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deductions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"total_score" numeric(5, 1),
	"summary" text DEFAULT '' NOT NULL,
	"is_excellent" boolean DEFAULT false NOT NULL,
	"reviewer_id" uuid,
	"scored_on" date,
	CONSTRAINT "casefile_review_files_selection_check" CHECK ("casefile_review_files"."selection" in ('manual','sample'))
);
--> statement-breakpoint
CREATE TABLE "casefile_review_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"excellence_threshold" numeric(5, 1) NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"rubric" jsonb NOT NULL,
	"rubric_version" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "casefile_review_rounds_status_check" CHECK ("casefile_review_rounds"."status" in ('open','closed'))
);
--> statement-breakpoint
CREATE TABLE "casefile_rubrics" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"items" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "casefile_review_files" ADD CONSTRAINT "casefile_review_files_round_id_casefile_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."casefile_review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "casefile_review_files" ADD CONSTRAINT "casefile_review_files_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "casefile_review_files" ADD CONSTRAINT "casefile_review_files_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "casefile_review_files" ADD CONSTRAINT "casefile_review_files_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "casefile_review_files" ADD CONSTRAINT "casefile_review_files_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "casefile_review_rounds" ADD CONSTRAINT "casefile_review_rounds_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "casefile_review_rounds" ADD CONSTRAINT "casefile_review_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "casefile_rubrics" ADD CONSTRAINT "casefile_rubrics_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "casefile_rubrics" ADD CONSTRAINT "casefile_rubrics_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "casefile_review_files_round_case_uq" ON "casefile_review_files" USING btree ("round_id","case_id");--> statement-breakpoint
CREATE INDEX "casefile_review_files_org_scored_idx" ON "casefile_review_files" USING btree ("org_id","scored_on");--> statement-breakpoint
CREATE INDEX "casefile_review_rounds_org_idx" ON "casefile_review_rounds" USING btree ("org_id","year");
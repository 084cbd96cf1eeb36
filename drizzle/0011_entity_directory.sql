CREATE TABLE "entities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"area_code" text NOT NULL,
	"address" text,
	"legal_representative" text,
	"risk_level" text,
	"credit_level" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entities_risk_check" CHECK ("entities"."risk_level" in ('low','medium','high')),
	CONSTRAINT "entities_credit_check" CHECK ("entities"."credit_level" in ('A','B','C','D')),
	CONSTRAINT "entities_status_check" CHECK ("entities"."status" in ('active','suspended','closed'))
);
--> statement-breakpoint
CREATE TABLE "entity_import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"status" text DEFAULT 'reading' NOT NULL,
	"bytes_total" bigint NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_accepted" integer DEFAULT 0 NOT NULL,
	"rows_rejected" integer DEFAULT 0 NOT NULL,
	"rows_inserted" integer DEFAULT 0 NOT NULL,
	"rows_updated" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_by" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "entity_import_jobs_status_check" CHECK ("entity_import_jobs"."status" in ('reading','applying','succeeded','failed'))
);
--> statement-breakpoint
CREATE TABLE "entity_import_rejections" (
	"job_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"reasons" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entity_import_staging" (
	"job_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"area_code" text NOT NULL,
	"address" text,
	"legal_representative" text,
	"risk_level" text,
	"credit_level" text,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"targets" text NOT NULL,
	"entity_categories" text[] NOT NULL,
	"legal_basis" text NOT NULL,
	"initiator" text NOT NULL,
	"partners" text NOT NULL,
	"method" text NOT NULL,
	"ratio" text NOT NULL,
	"frequency" text NOT NULL,
	"level" text NOT NULL,
	"source" text NOT NULL,
	"is_complete" boolean NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "entities" ADD CONSTRAINT "entities_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_import_jobs" ADD CONSTRAINT "entity_import_jobs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_import_jobs" ADD CONSTRAINT "entity_import_jobs_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_import_jobs" ADD CONSTRAINT "entity_import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_import_rejections" ADD CONSTRAINT "entity_import_rejections_job_id_entity_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."entity_import_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_items" ADD CONSTRAINT "inspection_items_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "entities_uscc_uq" ON "entities" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "entities_org_idx" ON "entities" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "entities_name_trgm" ON "entities" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "entity_import_jobs_org_idx" ON "entity_import_jobs" USING btree ("org_id","started_at");--> statement-breakpoint
CREATE INDEX "entity_import_rejections_job_idx" ON "entity_import_rejections" USING btree ("job_id","line");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_items_code_uq" ON "inspection_items" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "inspection_items_search_trgm" ON "inspection_items" USING gin (("title" || ' ' || "content") gin_trgm_ops);--> statement-breakpoint
-- Staged rows are disposable (an interrupted job is failed at restart): skip the WAL for them.
ALTER TABLE "entity_import_staging" SET UNLOGGED;

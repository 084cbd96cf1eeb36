CREATE TABLE "case_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"document_number" text,
	"file_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"step_id" uuid,
	"collected_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_officers" (
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"is_lead" boolean DEFAULT false NOT NULL,
	CONSTRAINT "case_officers_case_id_user_id_pk" PRIMARY KEY("case_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "case_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"participants" text[] NOT NULL,
	"opinion" text NOT NULL,
	"conclusion" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_reviews_kind_check" CHECK ("case_reviews"."kind" in ('legalReview','collectiveDeliberation','hearing','caseDeliberation'))
);
--> statement-breakpoint
CREATE TABLE "mitigation_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"list_kind" text NOT NULL,
	"matter" text NOT NULL,
	"basis" text NOT NULL,
	"conditions" text[] NOT NULL,
	"source" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"id_number" text,
	"uscc" text,
	"legal_representative" text,
	"address" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parties_kind_check" CHECK ("parties"."kind" in ('person','organisation'))
);
--> statement-breakpoint
CREATE TABLE "penalty_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"procedure" text NOT NULL,
	"state" text NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"source_reference" text,
	"party_id" uuid NOT NULL,
	"violation_type_id" uuid,
	"facts" text DEFAULT '' NOT NULL,
	"occurred_on" date,
	"assignee_id" uuid,
	"case_number" text,
	"filed_on" date,
	"is_major" boolean DEFAULT false NOT NULL,
	"major_reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"requires_collective_deliberation" boolean DEFAULT false NOT NULL,
	"hearing_offered" boolean DEFAULT false NOT NULL,
	"discretion_tier" text,
	"range_min_fen" bigint,
	"range_max_fen" bigint,
	"out_of_range_reason" text,
	"penalty_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"fine_fen" bigint DEFAULT 0 NOT NULL,
	"confiscation_fen" bigint DEFAULT 0 NOT NULL,
	"mitigation_rule_id" uuid,
	"waived_fen" bigint DEFAULT 0 NOT NULL,
	"decision_number" text,
	"decided_on" date,
	"served_on" date,
	"paid_on" date,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"late_fee_fen" bigint DEFAULT 0 NOT NULL,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "penalty_cases_procedure_check" CHECK ("penalty_cases"."procedure" in ('ordinary','simple'))
);
--> statement-breakpoint
CREATE TABLE "publication_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"published_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "penalty_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"published_on" date NOT NULL,
	"withdrawn_on" date,
	"withdraw_reason" text
);
--> statement-breakpoint
CREATE TABLE "violation_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"specialty" text NOT NULL,
	"title" text NOT NULL,
	"legal_basis" text NOT NULL,
	"penalty_basis" text NOT NULL,
	"source" text NOT NULL,
	"tiers" jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_evidence" ADD CONSTRAINT "case_evidence_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_evidence" ADD CONSTRAINT "case_evidence_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_evidence" ADD CONSTRAINT "case_evidence_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_officers" ADD CONSTRAINT "case_officers_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_officers" ADD CONSTRAINT "case_officers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mitigation_rules" ADD CONSTRAINT "mitigation_rules_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parties" ADD CONSTRAINT "parties_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD CONSTRAINT "penalty_cases_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD CONSTRAINT "penalty_cases_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD CONSTRAINT "penalty_cases_violation_type_id_violation_types_id_fk" FOREIGN KEY ("violation_type_id") REFERENCES "public"."violation_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD CONSTRAINT "penalty_cases_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD CONSTRAINT "penalty_cases_mitigation_rule_id_mitigation_rules_id_fk" FOREIGN KEY ("mitigation_rule_id") REFERENCES "public"."mitigation_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_batches" ADD CONSTRAINT "publication_batches_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_publications" ADD CONSTRAINT "penalty_publications_case_id_penalty_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."penalty_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_publications" ADD CONSTRAINT "penalty_publications_batch_id_publication_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."publication_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violation_types" ADD CONSTRAINT "violation_types_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_documents_case_idx" ON "case_documents" USING btree ("case_id","kind");--> statement-breakpoint
CREATE INDEX "case_evidence_case_idx" ON "case_evidence" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_reviews_case_idx" ON "case_reviews" USING btree ("case_id","kind");--> statement-breakpoint
CREATE INDEX "parties_org_idx" ON "parties" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "parties_uscc_idx" ON "parties" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "parties_name_trgm" ON "parties" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "penalty_cases_org_state_idx" ON "penalty_cases" USING btree ("org_id","state","created_at");--> statement-breakpoint
CREATE INDEX "penalty_cases_assignee_idx" ON "penalty_cases" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "penalty_cases_filed_idx" ON "penalty_cases" USING btree ("org_id","filed_on");--> statement-breakpoint
CREATE INDEX "penalty_cases_closed_idx" ON "penalty_cases" USING btree ("org_id","closed_on");--> statement-breakpoint
CREATE INDEX "penalty_cases_title_trgm" ON "penalty_cases" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_cases_case_number_uq" ON "penalty_cases" USING btree ("case_number");--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_publications_case_uq" ON "penalty_publications" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "penalty_publications_org_idx" ON "penalty_publications" USING btree ("org_id","published_on");--> statement-breakpoint
CREATE UNIQUE INDEX "violation_types_code_uq" ON "violation_types" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "violation_types_title_trgm" ON "violation_types" USING gin ("title" gin_trgm_ops);
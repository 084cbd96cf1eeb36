CREATE TABLE "penalty_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "proposal" jsonb;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "notified_proposal" jsonb;--> statement-breakpoint
ALTER TABLE "penalty_settings" ADD CONSTRAINT "penalty_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_settings" ADD CONSTRAINT "penalty_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
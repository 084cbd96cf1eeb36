ALTER TABLE "penalty_cases" ADD COLUMN "mitigation_rule_code" text;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "mitigation_rule_label" text;--> statement-breakpoint
ALTER TABLE "penalty_cases" ADD COLUMN "waiver_baseline_fen" bigint;
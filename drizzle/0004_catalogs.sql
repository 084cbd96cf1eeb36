ALTER TABLE "mitigation_rules" ADD COLUMN "definition" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "mitigation_rules_code_uq" ON "mitigation_rules" USING btree ("org_id","code");
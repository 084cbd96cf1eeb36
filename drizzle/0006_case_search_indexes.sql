CREATE INDEX "parties_uscc_trgm" ON "parties" USING gin ("uscc" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "penalty_cases_state_org_idx" ON "penalty_cases" USING btree ("state","org_id");--> statement-breakpoint
CREATE INDEX "penalty_cases_party_idx" ON "penalty_cases" USING btree ("party_id");--> statement-breakpoint
CREATE INDEX "penalty_cases_case_number_trgm" ON "penalty_cases" USING gin ("case_number" gin_trgm_ops);
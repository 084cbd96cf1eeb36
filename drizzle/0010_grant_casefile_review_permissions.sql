-- Custom SQL migration: databases seeded before 案卷评查 existed get its default permissions (seed-roles.ts);
-- on a new database the roles table is still empty here and the seed grants them.
UPDATE "roles" SET "permissions" = array_append("permissions", 'casefileReviews.manage')
 WHERE "id" IN ('systemAdmin', 'principal', 'deputyHead', 'legalReviewer')
   AND NOT ('casefileReviews.manage' = ANY ("permissions"));
--> statement-breakpoint
UPDATE "roles" SET "permissions" = array_append("permissions", 'casefileReviews.score')
 WHERE "id" IN ('systemAdmin', 'principal', 'deputyHead', 'legalReviewer', 'sectionHead')
   AND NOT ('casefileReviews.score' = ANY ("permissions"));

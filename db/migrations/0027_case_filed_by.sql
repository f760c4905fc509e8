ALTER TABLE "mutual_claims" DROP CONSTRAINT "mutual_claims_filed_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "filed_by" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-added: carry who filed each claim over before the column goes (null where the member filed it).
UPDATE "cases" SET "filed_by" = m."filed_by" FROM "mutual_claims" m WHERE m."case_id" = "cases"."id" AND m."filed_by" <> "cases"."applicant_id";--> statement-breakpoint
ALTER TABLE "mutual_claims" DROP COLUMN "filed_by";
ALTER TABLE "mutual_claims" DROP CONSTRAINT "mutual_claims_filed_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "filed_by" integer;--> statement-breakpoint
ALTER TABLE "register_unit_figures" ADD COLUMN "mutual_covered" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "register_unit_figures" ADD COLUMN "ill_uncovered" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-added: carry who filed each claim over before the column goes (null where the member filed it).
-- Only when there are claims: an UPDATE of cases, even of no row, marks a dashboard change, and an
-- empty database must stay empty (seed:scale refuses one that is not).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "mutual_claims" m JOIN "cases" c ON c."id" = m."case_id" WHERE m."filed_by" <> c."applicant_id") THEN
    UPDATE "cases" SET "filed_by" = m."filed_by" FROM "mutual_claims" m WHERE m."case_id" = "cases"."id" AND m."filed_by" <> "cases"."applicant_id";
  END IF;
END $$;--> statement-breakpoint
ALTER TABLE "mutual_claims" DROP COLUMN "filed_by";
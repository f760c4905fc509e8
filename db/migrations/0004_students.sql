CREATE TABLE "students" (
	"id" serial PRIMARY KEY NOT NULL,
	"worker_id" integer NOT NULL,
	"name" text NOT NULL,
	"id_number" text NOT NULL,
	"birth_date" date NOT NULL,
	"school" text NOT NULL,
	"stage" text NOT NULL,
	"grade" integer NOT NULL,
	"admission_year" integer NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "students_stage_check" CHECK ("students"."stage" IN ('primary','junior_secondary','senior_secondary','vocational','undergraduate','postgraduate')),
	CONSTRAINT "students_grade_check" CHECK ("students"."grade" BETWEEN 1 AND 6)
);
--> statement-breakpoint
ALTER TABLE "aid_standard_rules" DROP CONSTRAINT "aid_standard_rules_cell_key";--> statement-breakpoint
ALTER TABLE "aid_standard_rules" DROP CONSTRAINT "aid_standard_rules_kind_check";--> statement-breakpoint
ALTER TABLE "budgets" DROP CONSTRAINT "budgets_kind_check";--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_kind_check";--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_aid_kind_check";--> statement-breakpoint
ALTER TABLE "aid_standard_rules" ADD COLUMN "variant" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_documents" ADD COLUMN "purpose" text DEFAULT 'supporting' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "student_id" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "school_year" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "stage" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "grade" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "tuition_fen" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "living_fen" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "award_tier" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "results" text;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "students_id_number_key" ON "students" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "students_worker_idx" ON "students" USING btree ("worker_id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cases_student_year_key" ON "cases" USING btree ("kind","student_id","school_year") WHERE "cases"."student_id" IS NOT NULL AND "cases"."state" NOT IN ('rejected', 'withdrawn');--> statement-breakpoint
ALTER TABLE "aid_standard_rules" ADD CONSTRAINT "aid_standard_rules_cell_key" UNIQUE("standard_id","kind","category","variant");--> statement-breakpoint
ALTER TABLE "aid_standard_rules" ADD CONSTRAINT "aid_standard_rules_kind_check" CHECK ("aid_standard_rules"."kind" IN ('poverty','illness','special_hardship','death_of_parent','death_of_spouse','death_of_child','family_serious_illness','chronic_illness','student_aid','student_award'));--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_kind_check" CHECK ("budgets"."aid_kind" IN ('poverty','illness','special_hardship','death_of_parent','death_of_spouse','death_of_child','family_serious_illness','chronic_illness','student_aid','student_award'));--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_purpose_check" CHECK ("case_documents"."purpose" IN ('supporting','admission_letter','enrolment_certificate','results'));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_student_check" CHECK ("cases"."kind" = 'aid' OR ("cases"."student_id" IS NOT NULL AND "cases"."school_year" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_money_check" CHECK (("cases"."tuition_fen" IS NULL OR "cases"."tuition_fen" >= 0) AND ("cases"."living_fen" IS NULL OR "cases"."living_fen" >= 0));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_kind_check" CHECK ("cases"."kind" IN ('aid','student_aid','student_award'));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_aid_kind_check" CHECK ("cases"."kind" <> 'aid' OR ("cases"."aid_kind" IS NOT NULL AND "cases"."aid_kind" IN ('poverty','illness','special_hardship','death_of_parent','death_of_spouse','death_of_child','family_serious_illness','chronic_illness','student_aid','student_award')));
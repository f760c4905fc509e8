CREATE TABLE "mutual_caps" (
	"id" serial PRIMARY KEY NOT NULL,
	"enrolment_id" integer NOT NULL,
	"year" integer NOT NULL,
	"cap_fen" integer NOT NULL,
	"used_fen" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "mutual_caps_enrolment_year_key" UNIQUE("enrolment_id","year"),
	CONSTRAINT "mutual_caps_used_check" CHECK ("mutual_caps"."used_fen" >= 0 AND "mutual_caps"."used_fen" <= "mutual_caps"."cap_fen")
);
--> statement-breakpoint
CREATE TABLE "mutual_claims" (
	"case_id" integer PRIMARY KEY NOT NULL,
	"enrolment_id" integer NOT NULL,
	"scheme_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"cap_year" integer NOT NULL,
	"cap_drawn_fen" integer DEFAULT 0 NOT NULL,
	"filed_by" integer NOT NULL,
	"hospital" text DEFAULT '' NOT NULL,
	"admitted_on" date,
	"discharged_on" date,
	"total_fen" integer NOT NULL,
	"basic_fen" integer NOT NULL,
	"other_fen" integer NOT NULL,
	"self_paid_fen" integer NOT NULL,
	"item_code" text,
	"diagnosis" text NOT NULL,
	"lines" jsonb NOT NULL,
	"payout_fen" integer NOT NULL,
	CONSTRAINT "mutual_claims_costs_check" CHECK ("mutual_claims"."total_fen" >= 0 AND "mutual_claims"."basic_fen" >= 0 AND "mutual_claims"."other_fen" >= 0 AND "mutual_claims"."self_paid_fen" >= 0
        AND "mutual_claims"."basic_fen" + "mutual_claims"."other_fen" + "mutual_claims"."self_paid_fen" = "mutual_claims"."total_fen"),
	CONSTRAINT "mutual_claims_dates_check" CHECK ("mutual_claims"."admitted_on" IS NULL OR "mutual_claims"."discharged_on" IS NULL OR "mutual_claims"."discharged_on" >= "mutual_claims"."admitted_on"),
	CONSTRAINT "mutual_claims_payout_check" CHECK ("mutual_claims"."payout_fen" > 0 AND "mutual_claims"."cap_drawn_fen" IN (0, "mutual_claims"."payout_fen"))
);
--> statement-breakpoint
CREATE TABLE "mutual_enrolments" (
	"id" serial PRIMARY KEY NOT NULL,
	"scheme_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"year" integer NOT NULL,
	"term_start" date NOT NULL,
	"term_end" date NOT NULL,
	"member_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"shares" integer NOT NULL,
	"state" text NOT NULL,
	"enrolled_on" date NOT NULL,
	"cover_from" date NOT NULL,
	"continuous" boolean DEFAULT false NOT NULL,
	"contribution_fen" integer NOT NULL,
	"contribution_status" text DEFAULT 'unpaid' NOT NULL,
	"listed_by" integer,
	"confirmed_by" integer,
	"confirmed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mutual_enrolments_member_key" UNIQUE("scheme_id","year","member_id"),
	CONSTRAINT "mutual_enrolments_state_check" CHECK ("mutual_enrolments"."state" IN ('requested','listed','confirmed','cancelled')),
	CONSTRAINT "mutual_enrolments_contribution_check" CHECK ("mutual_enrolments"."contribution_status" IN ('unpaid','paid','payroll')),
	CONSTRAINT "mutual_enrolments_shares_check" CHECK ("mutual_enrolments"."shares" BETWEEN 1 AND 10 AND "mutual_enrolments"."contribution_fen" >= 0),
	CONSTRAINT "mutual_enrolments_term_check" CHECK ("mutual_enrolments"."term_start" <= "mutual_enrolments"."term_end" AND "mutual_enrolments"."cover_from" >= "mutual_enrolments"."term_start"),
	CONSTRAINT "mutual_enrolments_confirmed_check" CHECK (("mutual_enrolments"."state" = 'confirmed') = ("mutual_enrolments"."confirmed_at" IS NOT NULL) OR "mutual_enrolments"."state" = 'cancelled')
);
--> statement-breakpoint
CREATE TABLE "mutual_funds" (
	"id" serial PRIMARY KEY NOT NULL,
	"scheme_id" integer NOT NULL,
	"year" integer NOT NULL,
	"contributions_fen" bigint DEFAULT 0 NOT NULL,
	"payouts_fen" bigint DEFAULT 0 NOT NULL,
	"payouts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "mutual_funds_scheme_year_key" UNIQUE("scheme_id","year"),
	CONSTRAINT "mutual_funds_money_check" CHECK ("mutual_funds"."contributions_fen" >= 0 AND "mutual_funds"."payouts_fen" >= 0 AND "mutual_funds"."payouts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "mutual_scheme_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"scheme_id" integer NOT NULL,
	"effective_on" date NOT NULL,
	"contribution_fen" integer NOT NULL,
	"union_fen" integer NOT NULL,
	"unit_fen" integer NOT NULL,
	"member_fen" integer NOT NULL,
	"max_shares" integer NOT NULL,
	"term_years" integer NOT NULL,
	"window_start" text NOT NULL,
	"window_end" text NOT NULL,
	"waiting_days" integer NOT NULL,
	"renewal_grace_days" integer NOT NULL,
	"filing_deadline" text NOT NULL,
	"publish" boolean NOT NULL,
	"documents" jsonb NOT NULL,
	"rule" jsonb NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mutual_scheme_versions_money_check" CHECK ("mutual_scheme_versions"."contribution_fen" >= 0 AND "mutual_scheme_versions"."union_fen" >= 0 AND "mutual_scheme_versions"."unit_fen" >= 0 AND "mutual_scheme_versions"."member_fen" >= 0
        AND "mutual_scheme_versions"."union_fen" + "mutual_scheme_versions"."unit_fen" + "mutual_scheme_versions"."member_fen" = "mutual_scheme_versions"."contribution_fen"),
	CONSTRAINT "mutual_scheme_versions_shares_check" CHECK ("mutual_scheme_versions"."max_shares" BETWEEN 1 AND 10 AND "mutual_scheme_versions"."term_years" BETWEEN 1 AND 5),
	CONSTRAINT "mutual_scheme_versions_days_check" CHECK ("mutual_scheme_versions"."waiting_days" BETWEEN 0 AND 365 AND "mutual_scheme_versions"."renewal_grace_days" BETWEEN 0 AND 365)
);
--> statement-breakpoint
CREATE TABLE "mutual_schemes" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mutual_schemes_code_key" UNIQUE("code"),
	CONSTRAINT "mutual_schemes_kind_check" CHECK ("mutual_schemes"."kind" IN ('medical','critical_illness','accident','women_special'))
);
--> statement-breakpoint
ALTER TABLE "case_documents" DROP CONSTRAINT "case_documents_purpose_check";--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_kind_check";--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_student_check";--> statement-breakpoint
ALTER TABLE "payments" ALTER COLUMN "budget_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mutual_caps" ADD CONSTRAINT "mutual_caps_enrolment_id_mutual_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."mutual_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_claims" ADD CONSTRAINT "mutual_claims_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_claims" ADD CONSTRAINT "mutual_claims_enrolment_id_mutual_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."mutual_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_claims" ADD CONSTRAINT "mutual_claims_scheme_id_mutual_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."mutual_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_claims" ADD CONSTRAINT "mutual_claims_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_claims" ADD CONSTRAINT "mutual_claims_version_id_mutual_scheme_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."mutual_scheme_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_claims" ADD CONSTRAINT "mutual_claims_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_enrolments" ADD CONSTRAINT "mutual_enrolments_scheme_id_mutual_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."mutual_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_enrolments" ADD CONSTRAINT "mutual_enrolments_version_id_mutual_scheme_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."mutual_scheme_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_enrolments" ADD CONSTRAINT "mutual_enrolments_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_enrolments" ADD CONSTRAINT "mutual_enrolments_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_enrolments" ADD CONSTRAINT "mutual_enrolments_listed_by_users_id_fk" FOREIGN KEY ("listed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_enrolments" ADD CONSTRAINT "mutual_enrolments_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_funds" ADD CONSTRAINT "mutual_funds_scheme_id_mutual_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."mutual_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_scheme_versions" ADD CONSTRAINT "mutual_scheme_versions_scheme_id_mutual_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."mutual_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_scheme_versions" ADD CONSTRAINT "mutual_scheme_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_schemes" ADD CONSTRAINT "mutual_schemes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mutual_claims_enrolment_idx" ON "mutual_claims" USING btree ("enrolment_id","cap_year");--> statement-breakpoint
CREATE INDEX "mutual_claims_list_idx" ON "mutual_claims" USING btree ("scheme_id","cap_year","case_id");--> statement-breakpoint
CREATE INDEX "mutual_claims_unit_list_idx" ON "mutual_claims" USING btree ("scheme_id","cap_year","unit_id","case_id");--> statement-breakpoint
CREATE INDEX "mutual_enrolments_member_idx" ON "mutual_enrolments" USING btree ("member_id","scheme_id","term_end");--> statement-breakpoint
CREATE INDEX "mutual_enrolments_list_idx" ON "mutual_enrolments" USING btree ("scheme_id","year","unit_id","id");--> statement-breakpoint
CREATE INDEX "mutual_enrolments_year_id_idx" ON "mutual_enrolments" USING btree ("year","id");--> statement-breakpoint
CREATE INDEX "mutual_scheme_versions_scheme_idx" ON "mutual_scheme_versions" USING btree ("scheme_id","effective_on");--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_purpose_check" CHECK ("case_documents"."purpose" IN ('supporting','admission_letter','enrolment_certificate','results','application_form','id_card','bank_card','settlement_sheet','invoice','itemised_costs','discharge_summary','diagnosis','pathology_report','accident_certificate','death_certificate','relationship_proof','split_sheet','disability_assessment'));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_kind_check" CHECK ("cases"."kind" IN ('aid','student_aid','student_award','mutual_aid'));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_student_check" CHECK ("cases"."kind" IN ('aid', 'mutual_aid') OR ("cases"."student_id" IS NOT NULL AND "cases"."school_year" IS NOT NULL));
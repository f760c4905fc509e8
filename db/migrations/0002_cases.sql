CREATE TABLE "aid_standard_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"standard_id" integer NOT NULL,
	"kind" text NOT NULL,
	"frequency" text NOT NULL,
	"category" text NOT NULL,
	"rule_type" text NOT NULL,
	"fixed_fen" integer,
	"min_fen" integer,
	"max_fen" integer,
	"suggested_fen" integer,
	CONSTRAINT "aid_standard_rules_cell_key" UNIQUE("standard_id","kind","category"),
	CONSTRAINT "aid_standard_rules_kind_check" CHECK ("aid_standard_rules"."kind" IN ('poverty','illness','special_hardship','death_of_parent','death_of_spouse','death_of_child','family_serious_illness','chronic_illness')),
	CONSTRAINT "aid_standard_rules_frequency_check" CHECK ("aid_standard_rules"."frequency" IN ('per_event','yearly')),
	CONSTRAINT "aid_standard_rules_category_check" CHECK ("aid_standard_rules"."category" IN ('extreme','hardship','near','edge','serious_illness','education','none')),
	CONSTRAINT "aid_standard_rules_amount_check" CHECK (("aid_standard_rules"."rule_type" = 'fixed' AND "aid_standard_rules"."fixed_fen" > 0 AND "aid_standard_rules"."min_fen" IS NULL AND "aid_standard_rules"."max_fen" IS NULL AND "aid_standard_rules"."suggested_fen" IS NULL)
       OR ("aid_standard_rules"."rule_type" = 'range' AND "aid_standard_rules"."fixed_fen" IS NULL AND 0 < "aid_standard_rules"."min_fen" AND "aid_standard_rules"."min_fen" <= "aid_standard_rules"."suggested_fen" AND "aid_standard_rules"."suggested_fen" <= "aid_standard_rules"."max_fen"))
);
--> statement-breakpoint
CREATE TABLE "aid_standards" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"effective_on" date NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budgets" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"aid_kind" text NOT NULL,
	"unit_id" integer,
	"amount_fen" integer NOT NULL,
	"spent_fen" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budgets_year_kind_unit_key" UNIQUE NULLS NOT DISTINCT("year","aid_kind","unit_id"),
	CONSTRAINT "budgets_kind_check" CHECK ("budgets"."aid_kind" IN ('poverty','illness','special_hardship','death_of_parent','death_of_spouse','death_of_child','family_serious_illness','chronic_illness')),
	CONSTRAINT "budgets_spent_check" CHECK ("budgets"."spent_fen" <= "budgets"."amount_fen" AND "budgets"."spent_fen" >= 0),
	CONSTRAINT "budgets_amount_check" CHECK ("budgets"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "case_steps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"step" text,
	"action" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"actor_id" integer,
	"comment" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_steps_step_check" CHECK ("case_steps"."step" IS NULL OR "case_steps"."step" IN ('verification','review','approval','publicity','payment')),
	CONSTRAINT "case_steps_action_check" CHECK ("case_steps"."action" IN ('submit','resubmit','withdraw','approve','return','reject','uphold_objection','dismiss_objection','close_publicity','pay'))
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text DEFAULT 'aid' NOT NULL,
	"aid_kind" text,
	"applicant_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"household_id" integer,
	"category" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"event_on" date NOT NULL,
	"event_key" text DEFAULT '' NOT NULL,
	"what_happened" text NOT NULL,
	"help_asked" text DEFAULT '' NOT NULL,
	"amount_fen" integer,
	"computed_fen" integer,
	"amount_reason" text,
	"standard_id" integer,
	"rule" jsonb,
	"frequency" text,
	"applied_on" date,
	"submitted_at" timestamp with time zone,
	"publicity_start" date,
	"publicity_end" date,
	"submit_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_kind_check" CHECK ("cases"."kind" IN ('aid','student_aid')),
	CONSTRAINT "cases_state_check" CHECK ("cases"."state" IN ('draft','submitted','verified','reviewed','in_publicity','ready_for_payment','paid','returned_from_verification','returned_from_review','returned_from_approval','rejected','withdrawn')),
	CONSTRAINT "cases_aid_kind_check" CHECK ("cases"."kind" <> 'aid' OR ("cases"."aid_kind" IS NOT NULL AND "cases"."aid_kind" IN ('poverty','illness','special_hardship','death_of_parent','death_of_spouse','death_of_child','family_serious_illness','chronic_illness'))),
	CONSTRAINT "cases_amount_check" CHECK ("cases"."amount_fen" IS NULL OR "cases"."amount_fen" > 0),
	CONSTRAINT "cases_submitted_check" CHECK ("cases"."state" IN ('draft', 'withdrawn') OR "cases"."submitted_at" IS NOT NULL),
	CONSTRAINT "cases_publicity_check" CHECK ("cases"."state" <> 'in_publicity' OR ("cases"."publicity_start" IS NOT NULL AND "cases"."publicity_end" >= "cases"."publicity_start"))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"case_id" integer,
	"kind" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"by_id" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" integer,
	"decision" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objections_status_check" CHECK ("objections"."status" IN ('pending','upheld','dismissed')),
	CONSTRAINT "objections_decided_check" CHECK (("objections"."status" = 'pending') = ("objections"."decided_by" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"budget_id" integer NOT NULL,
	"amount_fen" integer NOT NULL,
	"paid_on" date NOT NULL,
	"method" text NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"repeat_reason" text,
	"recorded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount_fen" > 0),
	CONSTRAINT "payments_method_check" CHECK ("payments"."method" IN ('bank_transfer','cash'))
);
--> statement-breakpoint
ALTER TABLE "aid_standard_rules" ADD CONSTRAINT "aid_standard_rules_standard_id_aid_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."aid_standards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_standards" ADD CONSTRAINT "aid_standards_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_steps" ADD CONSTRAINT "case_steps_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_steps" ADD CONSTRAINT "case_steps_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_standard_id_aid_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."aid_standards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_budget_id_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aid_standards_effective_idx" ON "aid_standards" USING btree ("effective_on");--> statement-breakpoint
CREATE INDEX "case_steps_case_idx" ON "case_steps" USING btree ("case_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_submit_token_key" ON "cases" USING btree ("submit_token");--> statement-breakpoint
CREATE INDEX "cases_queue_idx" ON "cases" USING btree ("state","submitted_at");--> statement-breakpoint
CREATE INDEX "cases_unit_state_idx" ON "cases" USING btree ("unit_id","state");--> statement-breakpoint
CREATE INDEX "cases_applicant_idx" ON "cases" USING btree ("applicant_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_household_idx" ON "cases" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "cases_publicity_idx" ON "cases" USING btree ("publicity_end") WHERE "cases"."state" = 'in_publicity';--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","read_at");--> statement-breakpoint
CREATE INDEX "objections_case_idx" ON "objections" USING btree ("case_id","status");--> statement-breakpoint
CREATE INDEX "objections_pending_idx" ON "objections" USING btree ("created_at") WHERE "objections"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "payments_case_key" ON "payments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "payments_budget_idx" ON "payments" USING btree ("budget_id");--> statement-breakpoint
CREATE INDEX "payments_paid_on_idx" ON "payments" USING btree ("paid_on");
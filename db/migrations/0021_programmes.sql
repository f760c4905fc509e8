CREATE TABLE "premium_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"rate_fen" integer NOT NULL,
	"budget_fen" integer NOT NULL,
	"spent_fen" integer DEFAULT 0 NOT NULL,
	"state" text DEFAULT 'listing' NOT NULL,
	"opened_by" integer NOT NULL,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"paid_on" date,
	"paid_by" integer,
	"reference" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "premium_batches_year_key" UNIQUE("year"),
	CONSTRAINT "premium_batches_state_check" CHECK ("premium_batches"."state" IN ('listing','approved','paid')),
	CONSTRAINT "premium_batches_rate_check" CHECK ("premium_batches"."rate_fen" > 0),
	CONSTRAINT "premium_batches_spent_check" CHECK ("premium_batches"."spent_fen" >= 0 AND "premium_batches"."spent_fen" <= "premium_batches"."budget_fen"),
	CONSTRAINT "premium_batches_approved_check" CHECK (("premium_batches"."state" = 'listing') = ("premium_batches"."approved_at" IS NULL)),
	CONSTRAINT "premium_batches_paid_check" CHECK (("premium_batches"."state" = 'paid') = ("premium_batches"."paid_on" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "premium_confirmations" (
	"batch_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"confirmed_by" integer NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "premium_confirmations_batch_id_unit_id_pk" PRIMARY KEY("batch_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "premium_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"batch_id" integer NOT NULL,
	"year" integer NOT NULL,
	"household_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"birth_date" date NOT NULL,
	"id_number" text,
	"amount_fen" integer NOT NULL,
	"state" text DEFAULT 'listed' NOT NULL,
	"source" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"paid_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "premium_entries_person_key" UNIQUE("year","household_id","name","birth_date"),
	CONSTRAINT "premium_entries_state_check" CHECK ("premium_entries"."state" IN ('listed','removed','paid')),
	CONSTRAINT "premium_entries_amount_check" CHECK ("premium_entries"."amount_fen" > 0),
	CONSTRAINT "premium_entries_paid_check" CHECK (("premium_entries"."state" = 'paid') = ("premium_entries"."paid_on" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "employment_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"unit_id" integer NOT NULL,
	"worker_id" integer NOT NULL,
	"household_id" integer,
	"student_id" integer,
	"name" text NOT NULL,
	"school" text DEFAULT '' NOT NULL,
	"major" text DEFAULT '' NOT NULL,
	"graduation_year" integer,
	"wishes" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT 'not_yet' NOT NULL,
	"placed_on" date,
	"employer" text,
	"exit_event_id" integer,
	"opened_on" date NOT NULL,
	"created_by" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employment_files_kind_check" CHECK ("employment_files"."kind" IN ('graduate','survivor','family_member')),
	CONSTRAINT "employment_files_outcome_check" CHECK ("employment_files"."outcome" IN ('not_yet','placed_mine','placed_elsewhere')),
	CONSTRAINT "employment_files_placed_check" CHECK (("employment_files"."outcome" = 'not_yet') = ("employment_files"."placed_on" IS NULL) AND ("employment_files"."outcome" = 'not_yet') = ("employment_files"."employer" IS NULL)),
	CONSTRAINT "employment_files_exit_check" CHECK ("employment_files"."exit_event_id" IS NULL OR "employment_files"."outcome" <> 'not_yet')
);
--> statement-breakpoint
CREATE TABLE "employment_follow_ups" (
	"id" serial PRIMARY KEY NOT NULL,
	"file_id" integer NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"note" text NOT NULL,
	"employer" text DEFAULT '' NOT NULL,
	"recorded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employment_follow_ups_kind_check" CHECK ("employment_follow_ups"."kind" IN ('follow_up','referral'))
);
--> statement-breakpoint
CREATE TABLE "campaign_survivor_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"survivor_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"cash_fen" integer NOT NULL,
	"items" text DEFAULT '' NOT NULL,
	"handed_over_on" date,
	"method" text,
	"handed_over_by" text,
	"received_by" text,
	"reference" text,
	"recorded_by" integer,
	CONSTRAINT "campaign_survivor_entries_key" UNIQUE("campaign_id","survivor_id"),
	CONSTRAINT "campaign_survivor_entries_cash_check" CHECK ("campaign_survivor_entries"."cash_fen" >= 0),
	CONSTRAINT "campaign_survivor_entries_handed_check" CHECK (("campaign_survivor_entries"."handed_over_on" IS NULL) = ("campaign_survivor_entries"."method" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "campaign_survivor_rules" (
	"campaign_id" integer PRIMARY KEY NOT NULL,
	"cash_fen" integer DEFAULT 0 NOT NULL,
	"items" text DEFAULT '' NOT NULL,
	CONSTRAINT "campaign_survivor_rules_something_check" CHECK ("campaign_survivor_rules"."cash_fen" > 0 OR "campaign_survivor_rules"."items" <> ''),
	CONSTRAINT "campaign_survivor_rules_cash_check" CHECK ("campaign_survivor_rules"."cash_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "elder_help" (
	"id" serial PRIMARY KEY NOT NULL,
	"elder_id" integer NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"description" text NOT NULL,
	"advanced_fen" integer DEFAULT 0 NOT NULL,
	"advanced_by" text DEFAULT '' NOT NULL,
	"settled_on" date,
	"settled_fen" integer,
	"settle_note" text DEFAULT '' NOT NULL,
	"recorded_by" integer NOT NULL,
	CONSTRAINT "elder_help_kind_check" CHECK ("elder_help"."kind" IN ('hospital','daily_care','repairs','other')),
	CONSTRAINT "elder_help_advanced_check" CHECK ("elder_help"."advanced_fen" >= 0),
	CONSTRAINT "elder_help_settled_check" CHECK (("elder_help"."settled_on" IS NULL) = ("elder_help"."settled_fen" IS NULL) AND ("elder_help"."settled_fen" IS NULL OR ("elder_help"."advanced_fen" > 0 AND "elder_help"."settled_fen" BETWEEN 0 AND "elder_help"."advanced_fen")))
);
--> statement-breakpoint
CREATE TABLE "elder_visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"elder_id" integer NOT NULL,
	"visited_on" date NOT NULL,
	"visitors" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"recorded_by" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lonely_elders" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"birth_date" date NOT NULL,
	"address" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"background" text DEFAULT '' NOT NULL,
	"visit_every_days" integer NOT NULL,
	"since" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "lonely_elders_every_check" CHECK ("lonely_elders"."visit_every_days" BETWEEN 1 AND 366)
);
--> statement-breakpoint
CREATE TABLE "survivor_checks" (
	"id" serial PRIMARY KEY NOT NULL,
	"survivor_id" integer NOT NULL,
	"year" integer NOT NULL,
	"checked_on" date NOT NULL,
	"alive" boolean NOT NULL,
	"eligible" boolean NOT NULL,
	"subsidy_fen" integer DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" integer NOT NULL,
	CONSTRAINT "survivor_checks_year_key" UNIQUE("survivor_id","year"),
	CONSTRAINT "survivor_checks_subsidy_check" CHECK ("survivor_checks"."subsidy_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "survivors" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"deceased_worker_id" integer,
	"deceased_name" text NOT NULL,
	"died_on" date,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"birth_date" date NOT NULL,
	"monthly_income_fen" integer DEFAULT 0 NOT NULL,
	"monthly_allowance_fen" integer DEFAULT 0 NOT NULL,
	"lives_alone" boolean DEFAULT false NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"bank_card" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"stopped_on" date,
	"stop_reason" text,
	"stop_note" text DEFAULT '' NOT NULL,
	"created_by" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survivors_status_check" CHECK ("survivors"."status" IN ('active','stopped')),
	CONSTRAINT "survivors_money_check" CHECK ("survivors"."monthly_income_fen" >= 0 AND "survivors"."monthly_allowance_fen" >= 0),
	CONSTRAINT "survivors_stopped_check" CHECK (("survivors"."status" = 'stopped') = ("survivors"."stopped_on" IS NOT NULL AND "survivors"."stop_reason" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "household_members" ADD COLUMN "employee_insurance" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "premium_batches" ADD CONSTRAINT "premium_batches_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premium_batches" ADD CONSTRAINT "premium_batches_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premium_batches" ADD CONSTRAINT "premium_batches_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premium_confirmations" ADD CONSTRAINT "premium_confirmations_batch_id_premium_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."premium_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premium_confirmations" ADD CONSTRAINT "premium_confirmations_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premium_confirmations" ADD CONSTRAINT "premium_confirmations_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premium_entries" ADD CONSTRAINT "premium_entries_batch_id_premium_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."premium_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premium_entries" ADD CONSTRAINT "premium_entries_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premium_entries" ADD CONSTRAINT "premium_entries_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_files" ADD CONSTRAINT "employment_files_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_files" ADD CONSTRAINT "employment_files_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_files" ADD CONSTRAINT "employment_files_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_files" ADD CONSTRAINT "employment_files_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_files" ADD CONSTRAINT "employment_files_exit_event_id_household_events_id_fk" FOREIGN KEY ("exit_event_id") REFERENCES "public"."household_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_files" ADD CONSTRAINT "employment_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_follow_ups" ADD CONSTRAINT "employment_follow_ups_file_id_employment_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."employment_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_follow_ups" ADD CONSTRAINT "employment_follow_ups_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_survivor_entries" ADD CONSTRAINT "campaign_survivor_entries_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_survivor_entries" ADD CONSTRAINT "campaign_survivor_entries_survivor_id_survivors_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."survivors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_survivor_entries" ADD CONSTRAINT "campaign_survivor_entries_branch_id_org_units_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_survivor_entries" ADD CONSTRAINT "campaign_survivor_entries_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_survivor_entries" ADD CONSTRAINT "campaign_survivor_entries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_survivor_rules" ADD CONSTRAINT "campaign_survivor_rules_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elder_help" ADD CONSTRAINT "elder_help_elder_id_lonely_elders_id_fk" FOREIGN KEY ("elder_id") REFERENCES "public"."lonely_elders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elder_help" ADD CONSTRAINT "elder_help_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elder_visits" ADD CONSTRAINT "elder_visits_elder_id_lonely_elders_id_fk" FOREIGN KEY ("elder_id") REFERENCES "public"."lonely_elders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elder_visits" ADD CONSTRAINT "elder_visits_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lonely_elders" ADD CONSTRAINT "lonely_elders_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lonely_elders" ADD CONSTRAINT "lonely_elders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survivor_checks" ADD CONSTRAINT "survivor_checks_survivor_id_survivors_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."survivors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survivor_checks" ADD CONSTRAINT "survivor_checks_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survivors" ADD CONSTRAINT "survivors_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survivors" ADD CONSTRAINT "survivors_deceased_worker_id_users_id_fk" FOREIGN KEY ("deceased_worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survivors" ADD CONSTRAINT "survivors_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "premium_entries_id_number_key" ON "premium_entries" USING btree ("year","id_number") WHERE "premium_entries"."id_number" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "premium_entries_batch_unit_idx" ON "premium_entries" USING btree ("batch_id","unit_id");--> statement-breakpoint
CREATE INDEX "premium_entries_household_idx" ON "premium_entries" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "employment_files_student_key" ON "employment_files" USING btree ("student_id") WHERE "employment_files"."student_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "employment_files_exit_key" ON "employment_files" USING btree ("exit_event_id") WHERE "employment_files"."exit_event_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "employment_files_unit_idx" ON "employment_files" USING btree ("unit_id","outcome");--> statement-breakpoint
CREATE INDEX "employment_files_household_idx" ON "employment_files" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "employment_follow_ups_file_idx" ON "employment_follow_ups" USING btree ("file_id","on");--> statement-breakpoint
CREATE INDEX "campaign_survivor_entries_unit_idx" ON "campaign_survivor_entries" USING btree ("campaign_id","unit_id");--> statement-breakpoint
CREATE INDEX "campaign_survivor_entries_survivor_idx" ON "campaign_survivor_entries" USING btree ("survivor_id");--> statement-breakpoint
CREATE INDEX "elder_help_elder_idx" ON "elder_help" USING btree ("elder_id","on");--> statement-breakpoint
CREATE INDEX "elder_help_unsettled_idx" ON "elder_help" USING btree ("elder_id") WHERE "elder_help"."advanced_fen" > 0 AND "elder_help"."settled_on" IS NULL;--> statement-breakpoint
CREATE INDEX "elder_visits_elder_idx" ON "elder_visits" USING btree ("elder_id","visited_on");--> statement-breakpoint
CREATE INDEX "lonely_elders_unit_idx" ON "lonely_elders" USING btree ("unit_id","active");--> statement-breakpoint
CREATE INDEX "survivors_unit_idx" ON "survivors" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "survivors_deceased_idx" ON "survivors" USING btree ("deceased_worker_id");
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
CREATE UNIQUE INDEX "premium_entries_id_number_key" ON "premium_entries" USING btree ("year","id_number") WHERE "premium_entries"."id_number" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "premium_entries_batch_unit_idx" ON "premium_entries" USING btree ("batch_id","unit_id");--> statement-breakpoint
CREATE INDEX "premium_entries_household_idx" ON "premium_entries" USING btree ("household_id");
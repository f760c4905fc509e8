CREATE TABLE "campaign_amounts" (
	"campaign_id" integer NOT NULL,
	"category" text NOT NULL,
	"cash_fen" integer DEFAULT 0 NOT NULL,
	"items" text DEFAULT '' NOT NULL,
	CONSTRAINT "campaign_amounts_campaign_id_category_pk" PRIMARY KEY("campaign_id","category"),
	CONSTRAINT "campaign_amounts_category_check" CHECK ("campaign_amounts"."category" IN ('extreme','hardship','near','edge','serious_illness','education')),
	CONSTRAINT "campaign_amounts_something_check" CHECK ("campaign_amounts"."cash_fen" > 0 OR "campaign_amounts"."items" <> ''),
	CONSTRAINT "campaign_amounts_cash_check" CHECK ("campaign_amounts"."cash_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "campaign_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"category" text NOT NULL,
	"cash_fen" integer NOT NULL,
	"items" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'listed' NOT NULL,
	"source" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"amount_reason" text DEFAULT '' NOT NULL,
	"handed_over_on" date,
	"handed_over_by" text,
	"received_by" text,
	"method" text,
	"reference" text,
	"recorded_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "campaign_entries_household_key" UNIQUE("campaign_id","household_id"),
	CONSTRAINT "campaign_entries_state_check" CHECK ("campaign_entries"."state" IN ('listed','unreachable','removed','delivered')),
	CONSTRAINT "campaign_entries_cash_check" CHECK ("campaign_entries"."cash_fen" >= 0),
	CONSTRAINT "campaign_entries_delivered_check" CHECK (("campaign_entries"."state" = 'delivered') = ("campaign_entries"."handed_over_on" IS NOT NULL AND "campaign_entries"."method" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "campaign_quotas" (
	"campaign_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"quota" integer NOT NULL,
	"listed" integer DEFAULT 0 NOT NULL,
	"confirmed_by" integer,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "campaign_quotas_campaign_id_branch_id_pk" PRIMARY KEY("campaign_id","branch_id"),
	CONSTRAINT "campaign_quotas_listed_check" CHECK ("campaign_quotas"."listed" >= 0 AND "campaign_quotas"."listed" <= "campaign_quotas"."quota")
);
--> statement-breakpoint
CREATE TABLE "campaign_sheets" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_sheets_unit_key" UNIQUE("campaign_id","unit_id"),
	CONSTRAINT "campaign_sheets_type_check" CHECK ("campaign_sheets"."content_type" IN ('application/pdf','image/jpeg','image/png')),
	CONSTRAINT "campaign_sheets_size_check" CHECK ("campaign_sheets"."size_bytes" > 0 AND "campaign_sheets"."size_bytes" <= 10485760 AND octet_length("campaign_sheets"."content") = "campaign_sheets"."size_bytes")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"occasion" text NOT NULL,
	"held_on" date NOT NULL,
	"budget_fen" integer NOT NULL,
	"spent_fen" integer DEFAULT 0 NOT NULL,
	"state" text DEFAULT 'listing' NOT NULL,
	"public_list" boolean DEFAULT false NOT NULL,
	"created_by" integer NOT NULL,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_occasion_check" CHECK ("campaigns"."occasion" IN ('spring_festival','mid_autumn','other')),
	CONSTRAINT "campaigns_state_check" CHECK ("campaigns"."state" IN ('listing','approved')),
	CONSTRAINT "campaigns_spent_check" CHECK ("campaigns"."spent_fen" >= 0 AND "campaigns"."spent_fen" <= "campaigns"."budget_fen"),
	CONSTRAINT "campaigns_approved_check" CHECK (("campaigns"."state" = 'approved') = ("campaigns"."approved_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "campaign_amounts" ADD CONSTRAINT "campaign_amounts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_entries" ADD CONSTRAINT "campaign_entries_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_entries" ADD CONSTRAINT "campaign_entries_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_entries" ADD CONSTRAINT "campaign_entries_branch_id_org_units_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_entries" ADD CONSTRAINT "campaign_entries_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_entries" ADD CONSTRAINT "campaign_entries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_quotas" ADD CONSTRAINT "campaign_quotas_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_quotas" ADD CONSTRAINT "campaign_quotas_branch_id_org_units_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_quotas" ADD CONSTRAINT "campaign_quotas_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_sheets" ADD CONSTRAINT "campaign_sheets_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_sheets" ADD CONSTRAINT "campaign_sheets_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_sheets" ADD CONSTRAINT "campaign_sheets_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_entries_unit_idx" ON "campaign_entries" USING btree ("campaign_id","unit_id");--> statement-breakpoint
CREATE INDEX "campaign_entries_household_idx" ON "campaign_entries" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "campaigns_held_on_idx" ON "campaigns" USING btree ("held_on");
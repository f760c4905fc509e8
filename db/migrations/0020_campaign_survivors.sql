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
ALTER TABLE "campaign_survivor_entries" ADD CONSTRAINT "campaign_survivor_entries_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_survivor_entries" ADD CONSTRAINT "campaign_survivor_entries_survivor_id_survivors_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."survivors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_survivor_entries" ADD CONSTRAINT "campaign_survivor_entries_branch_id_org_units_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_survivor_entries" ADD CONSTRAINT "campaign_survivor_entries_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_survivor_entries" ADD CONSTRAINT "campaign_survivor_entries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_survivor_rules" ADD CONSTRAINT "campaign_survivor_rules_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_survivor_entries_unit_idx" ON "campaign_survivor_entries" USING btree ("campaign_id","unit_id");--> statement-breakpoint
CREATE INDEX "campaign_survivor_entries_survivor_idx" ON "campaign_survivor_entries" USING btree ("survivor_id");
CREATE TABLE "campaign_person_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"kind" text NOT NULL,
	"survivor_id" integer,
	"elder_id" integer,
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
	CONSTRAINT "campaign_person_entries_survivor_key" UNIQUE("campaign_id","survivor_id"),
	CONSTRAINT "campaign_person_entries_elder_key" UNIQUE("campaign_id","elder_id"),
	CONSTRAINT "campaign_person_entries_kind_check" CHECK ("campaign_person_entries"."kind" IN ('survivor','elder')),
	CONSTRAINT "campaign_person_entries_person_check" CHECK (("campaign_person_entries"."kind" = 'survivor' AND "campaign_person_entries"."survivor_id" IS NOT NULL AND "campaign_person_entries"."elder_id" IS NULL) OR ("campaign_person_entries"."kind" = 'elder' AND "campaign_person_entries"."elder_id" IS NOT NULL AND "campaign_person_entries"."survivor_id" IS NULL)),
	CONSTRAINT "campaign_person_entries_cash_check" CHECK ("campaign_person_entries"."cash_fen" >= 0),
	CONSTRAINT "campaign_person_entries_handed_check" CHECK (("campaign_person_entries"."handed_over_on" IS NULL) = ("campaign_person_entries"."method" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "campaign_person_rules" (
	"campaign_id" integer NOT NULL,
	"kind" text NOT NULL,
	"cash_fen" integer DEFAULT 0 NOT NULL,
	"items" text DEFAULT '' NOT NULL,
	CONSTRAINT "campaign_person_rules_campaign_id_kind_pk" PRIMARY KEY("campaign_id","kind"),
	CONSTRAINT "campaign_person_rules_kind_check" CHECK ("campaign_person_rules"."kind" IN ('survivor','elder')),
	CONSTRAINT "campaign_person_rules_something_check" CHECK ("campaign_person_rules"."cash_fen" > 0 OR "campaign_person_rules"."items" <> ''),
	CONSTRAINT "campaign_person_rules_cash_check" CHECK ("campaign_person_rules"."cash_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "campaign_person_entries" ADD CONSTRAINT "campaign_person_entries_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_person_entries" ADD CONSTRAINT "campaign_person_entries_survivor_id_survivors_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."survivors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_person_entries" ADD CONSTRAINT "campaign_person_entries_elder_id_lonely_elders_id_fk" FOREIGN KEY ("elder_id") REFERENCES "public"."lonely_elders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_person_entries" ADD CONSTRAINT "campaign_person_entries_branch_id_org_units_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_person_entries" ADD CONSTRAINT "campaign_person_entries_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_person_entries" ADD CONSTRAINT "campaign_person_entries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_person_rules" ADD CONSTRAINT "campaign_person_rules_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_person_entries_unit_idx" ON "campaign_person_entries" USING btree ("campaign_id","unit_id");--> statement-breakpoint
CREATE INDEX "campaign_person_entries_survivor_idx" ON "campaign_person_entries" USING btree ("survivor_id");--> statement-breakpoint
CREATE INDEX "campaign_person_entries_elder_idx" ON "campaign_person_entries" USING btree ("elder_id");
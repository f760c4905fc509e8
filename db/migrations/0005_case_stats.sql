CREATE TABLE "case_counts" (
	"unit_id" integer NOT NULL,
	"state" text NOT NULL,
	"cases" integer NOT NULL,
	CONSTRAINT "case_counts_unit_id_state_pk" PRIMARY KEY("unit_id","state")
);
--> statement-breakpoint
CREATE TABLE "case_stats" (
	"measure" text NOT NULL,
	"year" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"aid_kind" text NOT NULL,
	"cases" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "case_stats_measure_year_unit_id_aid_kind_pk" PRIMARY KEY("measure","year","unit_id","aid_kind"),
	CONSTRAINT "case_stats_measure_check" CHECK ("case_stats"."measure" IN ('approved', 'paid'))
);
--> statement-breakpoint
ALTER TABLE "case_counts" ADD CONSTRAINT "case_counts_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_stats" ADD CONSTRAINT "case_stats_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_waiting_idx" ON "cases" USING btree ("state","updated_at","unit_id") WHERE "cases"."state" IN ('submitted','verified','reviewed','ready_for_payment');
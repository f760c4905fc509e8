CREATE TABLE "payment_months" (
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"payments" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "payment_months_year_unit_id_month_pk" PRIMARY KEY("year","unit_id","month")
);
--> statement-breakpoint
ALTER TABLE "payment_months" ADD CONSTRAINT "payment_months_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;
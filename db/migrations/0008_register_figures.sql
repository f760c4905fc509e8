CREATE TABLE "register_dirty_units" (
	"unit_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_figure_days" (
	"year" integer PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_unit_figures" (
	"year" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"workers" integer NOT NULL,
	"active" integer NOT NULL,
	"extreme" integer NOT NULL,
	"hardship" integer NOT NULL,
	"near" integer NOT NULL,
	"edge" integer NOT NULL,
	"serious_illness" integer NOT NULL,
	"education" integer NOT NULL,
	"exited" integer NOT NULL,
	"visited" integer NOT NULL,
	"known" integer NOT NULL,
	"overdue_reviews" integer NOT NULL,
	"missing_helper" integer NOT NULL,
	"tasks_raised" integer NOT NULL,
	"tasks_done" integer NOT NULL,
	"overdue_tasks" integer NOT NULL,
	CONSTRAINT "register_unit_figures_year_unit_id_pk" PRIMARY KEY("year","unit_id")
);
--> statement-breakpoint
ALTER TABLE "register_unit_figures" ADD CONSTRAINT "register_unit_figures_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE cascade ON UPDATE no action;
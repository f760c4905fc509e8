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
CREATE INDEX "elder_help_elder_idx" ON "elder_help" USING btree ("elder_id","on");--> statement-breakpoint
CREATE INDEX "elder_help_unsettled_idx" ON "elder_help" USING btree ("elder_id") WHERE "elder_help"."advanced_fen" > 0 AND "elder_help"."settled_on" IS NULL;--> statement-breakpoint
CREATE INDEX "elder_visits_elder_idx" ON "elder_visits" USING btree ("elder_id","visited_on");--> statement-breakpoint
CREATE INDEX "lonely_elders_unit_idx" ON "lonely_elders" USING btree ("unit_id","active");--> statement-breakpoint
CREATE INDEX "survivors_unit_idx" ON "survivors" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "survivors_deceased_idx" ON "survivors" USING btree ("deceased_worker_id");
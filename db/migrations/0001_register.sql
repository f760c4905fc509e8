CREATE TABLE "household_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"from_category" text,
	"to_category" text,
	"reason" text DEFAULT '' NOT NULL,
	"actor_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_helpers" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"kind" text NOT NULL,
	"user_id" integer NOT NULL,
	"since" date NOT NULL,
	"until" date
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"birth_date" date NOT NULL,
	"health" text DEFAULT '' NOT NULL,
	"school_or_work" text DEFAULT '' NOT NULL,
	"monthly_income_fen" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "household_members_income_check" CHECK ("household_members"."monthly_income_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" serial PRIMARY KEY NOT NULL,
	"worker_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"category" text NOT NULL,
	"keeping_level" text NOT NULL,
	"causes" text[] NOT NULL,
	"monthly_income_fen" integer NOT NULL,
	"housing" text DEFAULT '' NOT NULL,
	"address" text NOT NULL,
	"phone" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"filed_on" date NOT NULL,
	"review_due" date NOT NULL,
	"exited_on" date,
	"exit_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_category_check" CHECK ("households"."category" IN ('extreme','hardship','near','edge','serious_illness','education')),
	CONSTRAINT "households_status_check" CHECK ("households"."status" IN ('active','exited')),
	CONSTRAINT "households_income_check" CHECK ("households"."monthly_income_fen" >= 0),
	CONSTRAINT "households_exit_check" CHECK (("households"."status" = 'exited') = ("households"."exited_on" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "symposium_attendees" (
	"symposium_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	CONSTRAINT "symposium_attendees_symposium_id_household_id_pk" PRIMARY KEY("symposium_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "symposium_opinions" (
	"id" serial PRIMARY KEY NOT NULL,
	"symposium_id" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "symposiums" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"policies" text DEFAULT '' NOT NULL,
	"recorded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer,
	"unit_id" integer NOT NULL,
	"visit_id" integer,
	"opinion_id" integer,
	"appeal" text NOT NULL,
	"owner_id" integer NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"done_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_status_check" CHECK ("tasks"."status" IN ('open','in_progress','done')),
	CONSTRAINT "tasks_done_check" CHECK (("tasks"."status" = 'done') = ("tasks"."done_on" IS NOT NULL AND "tasks"."outcome" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"visited_on" date NOT NULL,
	"visitors" text NOT NULL,
	"knows" text[] NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"recorded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "household_events" ADD CONSTRAINT "household_events_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_events" ADD CONSTRAINT "household_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_helpers" ADD CONSTRAINT "household_helpers_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_helpers" ADD CONSTRAINT "household_helpers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "symposium_attendees" ADD CONSTRAINT "symposium_attendees_symposium_id_symposiums_id_fk" FOREIGN KEY ("symposium_id") REFERENCES "public"."symposiums"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "symposium_attendees" ADD CONSTRAINT "symposium_attendees_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "symposium_opinions" ADD CONSTRAINT "symposium_opinions_symposium_id_symposiums_id_fk" FOREIGN KEY ("symposium_id") REFERENCES "public"."symposiums"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "symposiums" ADD CONSTRAINT "symposiums_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "symposiums" ADD CONSTRAINT "symposiums_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_opinion_id_symposium_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."symposium_opinions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_events_household_idx" ON "household_events" USING btree ("household_id","on");--> statement-breakpoint
CREATE UNIQUE INDEX "household_helpers_current_key" ON "household_helpers" USING btree ("household_id","kind") WHERE "household_helpers"."until" IS NULL;--> statement-breakpoint
CREATE INDEX "household_helpers_user_idx" ON "household_helpers" USING btree ("user_id") WHERE "household_helpers"."until" IS NULL;--> statement-breakpoint
CREATE INDEX "household_members_household_idx" ON "household_members" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "households_worker_key" ON "households" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "households_unit_idx" ON "households" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "households_review_idx" ON "households" USING btree ("status","review_due");--> statement-breakpoint
CREATE INDEX "symposium_opinions_symposium_idx" ON "symposium_opinions" USING btree ("symposium_id");--> statement-breakpoint
CREATE INDEX "tasks_unit_idx" ON "tasks" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "tasks_household_idx" ON "tasks" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "tasks_owner_idx" ON "tasks" USING btree ("owner_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_opinion_key" ON "tasks" USING btree ("opinion_id") WHERE "tasks"."opinion_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "visits_household_idx" ON "visits" USING btree ("household_id","visited_on");
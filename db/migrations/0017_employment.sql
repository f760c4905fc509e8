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
ALTER TABLE "employment_files" ADD CONSTRAINT "employment_files_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_files" ADD CONSTRAINT "employment_files_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_files" ADD CONSTRAINT "employment_files_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_files" ADD CONSTRAINT "employment_files_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_files" ADD CONSTRAINT "employment_files_exit_event_id_household_events_id_fk" FOREIGN KEY ("exit_event_id") REFERENCES "public"."household_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_files" ADD CONSTRAINT "employment_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_follow_ups" ADD CONSTRAINT "employment_follow_ups_file_id_employment_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."employment_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_follow_ups" ADD CONSTRAINT "employment_follow_ups_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "employment_files_student_key" ON "employment_files" USING btree ("student_id") WHERE "employment_files"."student_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "employment_files_exit_key" ON "employment_files" USING btree ("exit_event_id") WHERE "employment_files"."exit_event_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "employment_files_unit_idx" ON "employment_files" USING btree ("unit_id","outcome");--> statement-breakpoint
CREATE INDEX "employment_files_household_idx" ON "employment_files" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "employment_follow_ups_file_idx" ON "employment_follow_ups" USING btree ("file_id","on");
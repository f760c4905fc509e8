CREATE TABLE "import_issues" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job_id" integer NOT NULL,
	"row_no" integer NOT NULL,
	"field" text NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"actor_id" integer NOT NULL,
	"status" text DEFAULT 'validating' NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text DEFAULT '' NOT NULL,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"rows_with_issues" integer DEFAULT 0 NOT NULL,
	"records_total" integer DEFAULT 0 NOT NULL,
	"records_done" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"credentials_taken_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "import_jobs_kind_check" CHECK ("import_jobs"."kind" IN ('roster','households')),
	CONSTRAINT "import_jobs_status_check" CHECK ("import_jobs"."status" IN ('validating','invalid','ready','running','done','expired')),
	CONSTRAINT "import_jobs_progress_check" CHECK ("import_jobs"."records_done" BETWEEN 0 AND "import_jobs"."records_total")
);
--> statement-breakpoint
CREATE TABLE "import_records" (
	"job_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"row_no" integer NOT NULL,
	"employee_no" text NOT NULL,
	"data" jsonb NOT NULL,
	"outcome" text,
	CONSTRAINT "import_records_job_id_seq_pk" PRIMARY KEY("job_id","seq"),
	CONSTRAINT "import_records_outcome_check" CHECK ("import_records"."outcome" IS NULL OR "import_records"."outcome" IN ('created','updated','unchanged'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "import_issues" ADD CONSTRAINT "import_issues_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_records" ADD CONSTRAINT "import_records_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_issues_job_idx" ON "import_issues" USING btree ("job_id","row_no","id");--> statement-breakpoint
CREATE INDEX "import_jobs_actor_idx" ON "import_jobs" USING btree ("actor_id","id");
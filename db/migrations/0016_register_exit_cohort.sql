ALTER TABLE "register_unit_figures" ADD COLUMN "at_start" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "register_unit_figures" ADD COLUMN "left_of_start" integer DEFAULT 0 NOT NULL;
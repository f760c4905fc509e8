DROP INDEX "users_id_number_key";--> statement-breakpoint
DROP INDEX "students_id_number_key";--> statement-breakpoint
DROP INDEX "premium_entries_id_number_key";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "id_number_hash" text GENERATED ALWAYS AS (NULLIF(split_part("id_number", '.', 4), '')) STORED;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone_hash" text GENERATED ALWAYS AS (NULLIF(split_part("phone", '.', 4), '')) STORED;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "phone_hash" text GENERATED ALWAYS AS (NULLIF(split_part("phone", '.', 4), '')) STORED;--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "id_number_hash" text GENERATED ALWAYS AS (NULLIF(split_part("id_number", '.', 4), '')) STORED;--> statement-breakpoint
ALTER TABLE "premium_entries" ADD COLUMN "id_number_hash" text GENERATED ALWAYS AS (NULLIF(split_part("id_number", '.', 4), '')) STORED;--> statement-breakpoint
CREATE INDEX "users_phone_hash_idx" ON "users" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","at");--> statement-breakpoint
CREATE INDEX "audit_log_seq_idx" ON "audit_log" USING btree ("seq");--> statement-breakpoint
CREATE UNIQUE INDEX "users_id_number_key" ON "users" USING btree ("id_number_hash") WHERE "users"."id_number_hash" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "students_id_number_key" ON "students" USING btree ("id_number_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "premium_entries_id_number_key" ON "premium_entries" USING btree ("year","id_number_hash") WHERE "premium_entries"."id_number_hash" IS NOT NULL;
DROP INDEX "payments_paid_on_idx";--> statement-breakpoint
CREATE INDEX "cases_updated_id_idx" ON "cases" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "payments_paid_on_id_idx" ON "payments" USING btree ("paid_on","id");
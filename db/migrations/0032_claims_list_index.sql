DROP INDEX "mutual_claims_list_idx";--> statement-breakpoint
CREATE INDEX "mutual_claims_list_idx" ON "mutual_claims" USING btree ("scheme_id","cap_year","case_id","payout_fen");
CREATE INDEX "org_units_name_idx" ON "org_units" USING btree ("name");--> statement-breakpoint
CREATE INDEX "households_review_due_id_idx" ON "households" USING btree ("review_due","id");--> statement-breakpoint
CREATE INDEX "households_filed_on_id_idx" ON "households" USING btree ("filed_on","id");--> statement-breakpoint
CREATE INDEX "households_severity_id_idx" ON "households" USING btree (array_position(ARRAY['extreme','hardship','near','edge','serious_illness','education']::text[], "category"),"id");--> statement-breakpoint
CREATE INDEX "cases_unit_updated_id_idx" ON "cases" USING btree ("unit_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "cases_state_updated_id_idx" ON "cases" USING btree ("state","updated_at","id");--> statement-breakpoint
CREATE INDEX "cases_kind_updated_id_idx" ON "cases" USING btree ("aid_kind","updated_at","id");--> statement-breakpoint
CREATE INDEX "cases_year_updated_id_idx" ON "cases" USING btree (extract(year from coalesce("applied_on", ("created_at" AT TIME ZONE 'Asia/Shanghai')::date)),"updated_at","id");
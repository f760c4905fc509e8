-- The exit cohort reads the households' timelines, so a change to household_events must name its
-- unit like the other register tables do (0009_register_dirty_triggers).
CREATE TRIGGER household_events_register_ins AFTER INSERT ON household_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION register_mark_units('household');
--> statement-breakpoint
CREATE TRIGGER household_events_register_upd AFTER UPDATE ON household_events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION register_mark_units('household');
--> statement-breakpoint
CREATE TRIGGER household_events_register_del AFTER DELETE ON household_events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION register_mark_units('household');
--> statement-breakpoint
-- The stored figures were computed before the cohort existed (its columns read 0): forget them, so
-- the next dashboard recomputes every year from the base tables.
DELETE FROM "register_unit_figures";
--> statement-breakpoint
DELETE FROM "register_figure_days";

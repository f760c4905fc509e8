-- The dashboards' cached figures (db/queries/figures-cache.ts) include the programmes' (premiums
-- paid, jobs and exits through a job, survivors checked, overdue visits, unsettled advances): every
-- statement that changes them marks a change, as migrations 0010 and 0015 do for the others.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['premium_batches', 'premium_entries', 'employment_files', 'survivors', 'survivor_checks', 'lonely_elders', 'elder_visits', 'elder_help', 'household_events'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_change()', t || '_dashboard_change', t);
  END LOOP;
END $$;

-- The dashboards' cached figures (db/queries/figures-cache.ts) now include mutual aid's (members
-- enrolled and the roster's share covered, per scheme; seriously ill workers without medical cover).
-- Claims and payouts already mark changes through cases and payments; enrolments and the schemes'
-- names mark them here, as migrations 0010, 0015 and 0022 do for the others.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['mutual_enrolments', 'mutual_schemes'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_change()', t || '_dashboard_change', t);
  END LOOP;
END $$;

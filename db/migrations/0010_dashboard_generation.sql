-- The dashboards' figures are cached per process (db/queries/figures-cache.ts) and are exact
-- because any statement that could change one appends to dashboard_changes in its own
-- transaction: a reader that finds the log non-empty consumes it and moves the generation on, and
-- a cached figure is used only under the generation it was computed in. Writers append (no row
-- lock, so they never wait on one another here); only readers that find changes take a lock.
CREATE TABLE dashboard_changes (at timestamptz NOT NULL DEFAULT now());
--> statement-breakpoint
CREATE TABLE dashboard_generation (
  id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  generation bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO dashboard_generation (id, generation) VALUES (1, 1);
--> statement-breakpoint
CREATE FUNCTION dashboard_mark_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dashboard_changes DEFAULT VALUES;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cases', 'payments', 'budgets', 'objections', 'households', 'visits', 'household_helpers', 'tasks', 'org_units'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_change()', t || '_dashboard_change', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- Of the accounts only what the figures count: workers, their units, names and whether disabled
-- (a sign-in or a password change is no change to a figure).
CREATE TRIGGER users_dashboard_change AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF role, unit_id, disabled, name ON users
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_change();

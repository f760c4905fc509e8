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
--> statement-breakpoint
-- The register's stored figures now count mutual-aid cover (register_unit_figures.mutual_covered,
-- ill_uncovered; db/queries/register-dashboard.ts): a change to an enrolment names the units it
-- touches, as 0009 does for the register's own tables — the member's unit (the roster covered) and
-- the units of the households whose worker the member is (serious illness without cover).
CREATE FUNCTION register_mark_member_units() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO register_dirty_units (unit_id)
      SELECT u.unit_id FROM users u WHERE u.id IN (SELECT member_id FROM new_rows)
      UNION SELECT h.unit_id FROM households h WHERE h.worker_id IN (SELECT member_id FROM new_rows);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO register_dirty_units (unit_id)
      SELECT u.unit_id FROM users u WHERE u.id IN (SELECT member_id FROM old_rows)
      UNION SELECT h.unit_id FROM households h WHERE h.worker_id IN (SELECT member_id FROM old_rows);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER mutual_enrolments_register_ins AFTER INSERT ON mutual_enrolments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION register_mark_member_units();
--> statement-breakpoint
CREATE TRIGGER mutual_enrolments_register_upd AFTER UPDATE ON mutual_enrolments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION register_mark_member_units();
--> statement-breakpoint
CREATE TRIGGER mutual_enrolments_register_del AFTER DELETE ON mutual_enrolments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION register_mark_member_units();
--> statement-breakpoint
-- The stored figures were computed without these columns (they read 0): forget them, so the next
-- dashboard recomputes every year from the base tables.
DELETE FROM "register_unit_figures";
--> statement-breakpoint
DELETE FROM "register_figure_days";

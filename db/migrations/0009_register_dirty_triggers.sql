-- The register's dashboard figures (register_unit_figures) stay exact because every statement
-- that changes a register row names the units it touched here, in its own transaction; the next
-- dashboard read recomputes those units (db/queries/register-figures.ts). Statement-level triggers
-- with transition tables: a bulk load costs one insert per statement, not one per row.
CREATE FUNCTION register_mark_units() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- TG_ARGV[0]: where a row's unit is found: 'unit' (its own unit_id), 'household' (its household's).
  IF TG_ARGV[0] = 'unit' THEN
    IF TG_OP <> 'DELETE' THEN
      INSERT INTO register_dirty_units (unit_id) SELECT DISTINCT unit_id FROM new_rows;
    END IF;
    IF TG_OP <> 'INSERT' THEN
      INSERT INTO register_dirty_units (unit_id) SELECT DISTINCT unit_id FROM old_rows;
    END IF;
  ELSE
    IF TG_OP <> 'DELETE' THEN
      INSERT INTO register_dirty_units (unit_id)
        SELECT DISTINCT h.unit_id FROM households h WHERE h.id IN (SELECT household_id FROM new_rows);
    END IF;
    IF TG_OP <> 'INSERT' THEN
      INSERT INTO register_dirty_units (unit_id)
        SELECT DISTINCT h.unit_id FROM households h WHERE h.id IN (SELECT household_id FROM old_rows);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Workers are counted per unit; a sign-in or a password change must not mark anything.
CREATE FUNCTION register_mark_worker_units() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO register_dirty_units (unit_id) SELECT DISTINCT unit_id FROM new_rows WHERE role = 'worker';
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO register_dirty_units (unit_id) SELECT DISTINCT unit_id FROM old_rows WHERE role = 'worker';
  ELSE
    INSERT INTO register_dirty_units (unit_id)
      SELECT DISTINCT x.unit_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      CROSS JOIN LATERAL (VALUES (n.unit_id), (o.unit_id)) AS x(unit_id)
      WHERE (n.role, n.disabled, n.unit_id) IS DISTINCT FROM (o.role, o.disabled, o.unit_id)
        AND 'worker' IN (n.role, o.role);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  t record;
BEGIN
  -- Transition tables allow one event per trigger, hence three per table.
  FOR t IN SELECT * FROM (VALUES ('households', 'unit'), ('tasks', 'unit'), ('visits', 'household'), ('household_helpers', 'household')) AS v(tbl, via) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION register_mark_units(%L)', t.tbl || '_register_ins', t.tbl, t.via);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION register_mark_units(%L)', t.tbl || '_register_upd', t.tbl, t.via);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION register_mark_units(%L)', t.tbl || '_register_del', t.tbl, t.via);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_register_ins AFTER INSERT ON users REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION register_mark_worker_units();
--> statement-breakpoint
CREATE TRIGGER users_register_upd AFTER UPDATE ON users REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION register_mark_worker_units();
--> statement-breakpoint
CREATE TRIGGER users_register_del AFTER DELETE ON users REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION register_mark_worker_units();

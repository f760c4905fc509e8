-- The dashboards' cached figures (db/queries/figures-cache.ts) include the campaigns' (planned,
-- handed over, unreachable): every statement that changes a campaign, its quotas or its list marks
-- a change, as migration 0010 does for cases and the register.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['campaigns', 'campaign_entries', 'campaign_quotas'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION dashboard_mark_change()', t || '_dashboard_change', t);
  END LOOP;
END $$;

-- The audit log cannot be quietly changed (README "Audit log"):
--  * append-only: UPDATE, DELETE and TRUNCATE on audit_log are refused by triggers;
--  * a hash chain: each row carries seq (its place), prev_hash and hash = sha256(prev_hash ‖
--    audit_row_content(row)), set by a BEFORE INSERT trigger in the inserting transaction.
--    The chain's head (last seq and hash) is one row that the trigger locks (SELECT … FOR UPDATE)
--    until the transaction ends, so concurrent writers take turns at the head and each chains to
--    the last committed row; a rolled-back writer leaves no trace in the chain.
--  * `npm run audit:verify` (scripts/audit-verify.ts) recomputes the chain and names the first
--    broken row; the head catches rows removed from the end.

-- The one text a row's hash covers: every column but the chain's own, as a JSON array (canonical:
-- jsonb orders keys; the time in microseconds since the epoch, whatever the session's time zone).
CREATE FUNCTION audit_row_content(r audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_array(
    r.seq, r.id, (extract(epoch FROM r.at) * 1000000)::bigint, r.actor_id,
    r.action, r.entity, r.entity_id, r.before, r.after
  )::text
$$;
--> statement-breakpoint
CREATE FUNCTION audit_chain_hash(prev text, content text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(prev || content, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE TABLE audit_chain_head (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq bigint NOT NULL,
  hash text NOT NULL
);
--> statement-breakpoint
-- Chain the rows already there, oldest first, from the genesis hash (64 zeros).
DO $$
DECLARE
  r audit_log;
  s bigint := 0;
  p text := repeat('0', 64);
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    s := s + 1;
    r.seq := s;
    UPDATE audit_log SET seq = s, prev_hash = p, hash = audit_chain_hash(p, audit_row_content(r)) WHERE id = r.id
      RETURNING hash INTO p;
  END LOOP;
  INSERT INTO audit_chain_head (id, seq, hash) VALUES (true, s, p);
END $$;
--> statement-breakpoint
ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL;
--> statement-breakpoint
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head audit_chain_head;
BEGIN
  SELECT * INTO head FROM audit_chain_head WHERE id FOR UPDATE;
  NEW.seq := head.seq + 1;
  NEW.prev_hash := head.hash;
  NEW.hash := audit_chain_hash(head.hash, audit_row_content(NEW));
  UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
--> statement-breakpoint
CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse();
--> statement-breakpoint
-- The head moves only with an audit row (the chain trigger runs at depth 1, its update of the head
-- fires this at depth 2); a direct UPDATE, DELETE or TRUNCATE of the head is refused.
CREATE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_chain_head moves only with audit_log: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_guard BEFORE UPDATE OR DELETE ON audit_chain_head FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard();
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_guard();

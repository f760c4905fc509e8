-- Survivors drawn into campaigns move to the shared person tables (kind 'survivor'), keeping their
-- entry ids (the audit log names them); lone elderly people are drawn into the same tables.
INSERT INTO "campaign_person_rules" ("campaign_id", "kind", "cash_fen", "items")
SELECT "campaign_id", 'survivor', "cash_fen", "items" FROM "campaign_survivor_rules";--> statement-breakpoint
INSERT INTO "campaign_person_entries" ("id", "campaign_id", "kind", "survivor_id", "branch_id", "unit_id", "cash_fen", "items",
  "handed_over_on", "method", "handed_over_by", "received_by", "reference", "recorded_by")
SELECT "id", "campaign_id", 'survivor', "survivor_id", "branch_id", "unit_id", "cash_fen", "items",
  "handed_over_on", "method", "handed_over_by", "received_by", "reference", "recorded_by"
FROM "campaign_survivor_entries";--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('campaign_person_entries', 'id'),
  coalesce((SELECT max("id") FROM "campaign_person_entries"), 1),
  (SELECT count(*) > 0 FROM "campaign_person_entries"));

DROP TABLE "campaign_survivor_entries" CASCADE;--> statement-breakpoint
DROP TABLE "campaign_survivor_rules" CASCADE;
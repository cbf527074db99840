ALTER TABLE "workspaces" ADD COLUMN "team_privacy" text DEFAULT 'per-person' NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "min_group_size" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_team_privacy_ck" CHECK ("workspaces"."team_privacy" in ('per-person', 'aggregate'));--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_min_group_size_ck" CHECK ("workspaces"."min_group_size" between 5 and 1000);
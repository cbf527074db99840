ALTER TABLE "workspaces" ADD COLUMN "sso_domains" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "passwords_off" boolean DEFAULT false NOT NULL;
CREATE TABLE "account_members" (
	"account_id" text NOT NULL,
	"user_id" text NOT NULL,
	"workspace_id" text NOT NULL,
	CONSTRAINT "account_members_account_id_user_id_pk" PRIMARY KEY("account_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "legacy_goals" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"account_id" text NOT NULL,
	"dimension" text NOT NULL,
	"title" text NOT NULL,
	"measure" text,
	"target_date" date,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "personal_legacy" (
	"user_id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"platform" text,
	"point_of_view" text,
	"mission" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "tier" text DEFAULT 'key' NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "owner_id" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "legacy_statement" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "goal_id" text;--> statement-breakpoint
ALTER TABLE "account_members" ADD CONSTRAINT "account_members_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_members" ADD CONSTRAINT "account_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_members" ADD CONSTRAINT "account_members_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legacy_goals" ADD CONSTRAINT "legacy_goals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legacy_goals" ADD CONSTRAINT "legacy_goals_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_legacy" ADD CONSTRAINT "personal_legacy_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_legacy" ADD CONSTRAINT "personal_legacy_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_members_user_idx" ON "account_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "legacy_goals_account_idx" ON "legacy_goals" USING btree ("workspace_id","account_id");--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_goal_id_legacy_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."legacy_goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_account_idx" ON "activities" USING btree ("account_id","starts_at") WHERE "activities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "activities_goal_idx" ON "activities" USING btree ("goal_id") WHERE "activities"."goal_id" is not null;--> statement-breakpoint
-- Accounts made from the foundation's free-text field get an owner: whoever logged the most time on
-- them, else the workspace's owner.
UPDATE "accounts" AS a SET "owner_id" = coalesce(
	(SELECT act."user_id" FROM "activities" act
		WHERE act."account_id" = a."id" AND act."deleted_at" IS NULL
		GROUP BY act."user_id" ORDER BY sum(act."minutes") DESC, act."user_id" LIMIT 1),
	(SELECT u."id" FROM "users" u
		WHERE u."workspace_id" = a."workspace_id" AND u."role" = 'owner'
		ORDER BY u."created_at", u."id" LIMIT 1)
) WHERE a."owner_id" IS NULL;

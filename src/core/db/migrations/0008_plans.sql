CREATE TABLE "big_rocks" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"user_id" text NOT NULL,
	"week" text NOT NULL,
	"title" text NOT NULL,
	"account_id" text,
	"goal_id" text,
	"budget_minutes" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "big_rocks_budget_ck" CHECK ("big_rocks"."budget_minutes" between 0 and 6000)
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"user_id" text NOT NULL,
	"rock_id" text,
	"title" text NOT NULL,
	"day" date NOT NULL,
	"start_time" text,
	"minutes" integer NOT NULL,
	"planned_for" date NOT NULL,
	"moves" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"done_at" timestamp with time zone,
	"activity_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_items_minutes_ck" CHECK ("plan_items"."minutes" between 5 and 1440)
);
--> statement-breakpoint
ALTER TABLE "big_rocks" ADD CONSTRAINT "big_rocks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "big_rocks" ADD CONSTRAINT "big_rocks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "big_rocks" ADD CONSTRAINT "big_rocks_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "big_rocks" ADD CONSTRAINT "big_rocks_goal_id_legacy_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."legacy_goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_rock_id_big_rocks_id_fk" FOREIGN KEY ("rock_id") REFERENCES "public"."big_rocks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "big_rocks_user_week_idx" ON "big_rocks" USING btree ("user_id","week");--> statement-breakpoint
CREATE INDEX "plan_items_user_day_idx" ON "plan_items" USING btree ("user_id","day");
CREATE TABLE "time_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"user_id" text NOT NULL,
	"quadrant" text NOT NULL,
	"series_key" text NOT NULL,
	"title" text NOT NULL,
	"decision" text NOT NULL,
	"delegate_to" text,
	"follow_up" date,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "time_decisions" ADD CONSTRAINT "time_decisions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_decisions" ADD CONSTRAINT "time_decisions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "time_decisions_user_series_uq" ON "time_decisions" USING btree ("user_id","quadrant","series_key");
CREATE TABLE "scorecard_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"round_id" text NOT NULL,
	"title" text NOT NULL,
	"activity_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"round_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"label" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "scorecard_ratings" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"round_id" text NOT NULL,
	"side" text NOT NULL,
	"user_id" text,
	"invitation_id" text,
	"rater_name" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_rounds" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"account_id" text NOT NULL,
	"name" text NOT NULL,
	"created_by" text,
	"invited_user_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"conversation_notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_scores" (
	"rating_id" text NOT NULL,
	"target" text NOT NULL,
	"subject" text NOT NULL,
	"score" integer NOT NULL,
	"evidence" text,
	CONSTRAINT "scorecard_scores_rating_id_target_subject_pk" PRIMARY KEY("rating_id","target","subject"),
	CONSTRAINT "scorecard_scores_score_ck" CHECK ("scorecard_scores"."score" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "scorecard_actions" ADD CONSTRAINT "scorecard_actions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_actions" ADD CONSTRAINT "scorecard_actions_round_id_scorecard_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."scorecard_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_actions" ADD CONSTRAINT "scorecard_actions_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_actions" ADD CONSTRAINT "scorecard_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_invitations" ADD CONSTRAINT "scorecard_invitations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_invitations" ADD CONSTRAINT "scorecard_invitations_round_id_scorecard_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."scorecard_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_invitations" ADD CONSTRAINT "scorecard_invitations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_ratings" ADD CONSTRAINT "scorecard_ratings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_ratings" ADD CONSTRAINT "scorecard_ratings_round_id_scorecard_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."scorecard_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_ratings" ADD CONSTRAINT "scorecard_ratings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_ratings" ADD CONSTRAINT "scorecard_ratings_invitation_id_scorecard_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."scorecard_invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_rounds" ADD CONSTRAINT "scorecard_rounds_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_rounds" ADD CONSTRAINT "scorecard_rounds_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_rounds" ADD CONSTRAINT "scorecard_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_scores" ADD CONSTRAINT "scorecard_scores_rating_id_scorecard_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."scorecard_ratings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_ratings_user_uq" ON "scorecard_ratings" USING btree ("round_id","user_id") WHERE "scorecard_ratings"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_ratings_invitation_uq" ON "scorecard_ratings" USING btree ("invitation_id");--> statement-breakpoint
CREATE INDEX "scorecard_rounds_account_idx" ON "scorecard_rounds" USING btree ("workspace_id","account_id","created_at");
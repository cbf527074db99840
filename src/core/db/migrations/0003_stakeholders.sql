CREATE TABLE "stakeholder_owners" (
	"stakeholder_id" text NOT NULL,
	"user_id" text NOT NULL,
	"workspace_id" text NOT NULL,
	CONSTRAINT "stakeholder_owners_stakeholder_id_user_id_pk" PRIMARY KEY("stakeholder_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "stakeholders" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"account_id" text NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"email" text,
	"function" text DEFAULT 'other' NOT NULL,
	"level" text DEFAULT 'operational' NOT NULL,
	"buying_office" boolean DEFAULT false NOT NULL,
	"influence" integer DEFAULT 3 NOT NULL,
	"attitude" text DEFAULT 'neutral' NOT NULL,
	"strength" integer DEFAULT 1 NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stakeholder_owners" ADD CONSTRAINT "stakeholder_owners_stakeholder_id_stakeholders_id_fk" FOREIGN KEY ("stakeholder_id") REFERENCES "public"."stakeholders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_owners" ADD CONSTRAINT "stakeholder_owners_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_owners" ADD CONSTRAINT "stakeholder_owners_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholders" ADD CONSTRAINT "stakeholders_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholders" ADD CONSTRAINT "stakeholders_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stakeholders_account_idx" ON "stakeholders" USING btree ("workspace_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stakeholders_account_email_uq" ON "stakeholders" USING btree ("account_id",lower("email")) WHERE "stakeholders"."email" is not null;
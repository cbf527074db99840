CREATE TABLE "inheritance_introductions" (
	"review_id" text NOT NULL,
	"stakeholder_id" text NOT NULL,
	"introducer" text,
	"done" boolean DEFAULT false NOT NULL,
	CONSTRAINT "inheritance_introductions_review_id_stakeholder_id_pk" PRIMARY KEY("review_id","stakeholder_id")
);
--> statement-breakpoint
CREATE TABLE "inheritance_precedents" (
	"review_id" text NOT NULL,
	"decision_id" text NOT NULL,
	"verdict" text,
	"reason" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "inheritance_precedents_review_id_decision_id_pk" PRIMARY KEY("review_id","decision_id")
);
--> statement-breakpoint
CREATE TABLE "inheritance_reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"account_id" text NOT NULL,
	"from_user_id" text,
	"to_user_id" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "inheritance_introductions" ADD CONSTRAINT "inheritance_introductions_review_id_inheritance_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."inheritance_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inheritance_introductions" ADD CONSTRAINT "inheritance_introductions_stakeholder_id_stakeholders_id_fk" FOREIGN KEY ("stakeholder_id") REFERENCES "public"."stakeholders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inheritance_precedents" ADD CONSTRAINT "inheritance_precedents_review_id_inheritance_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."inheritance_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inheritance_precedents" ADD CONSTRAINT "inheritance_precedents_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inheritance_reviews" ADD CONSTRAINT "inheritance_reviews_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inheritance_reviews" ADD CONSTRAINT "inheritance_reviews_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inheritance_reviews" ADD CONSTRAINT "inheritance_reviews_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inheritance_reviews" ADD CONSTRAINT "inheritance_reviews_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inheritance_reviews_account_idx" ON "inheritance_reviews" USING btree ("workspace_id","account_id","created_at");
CREATE TABLE "caldav_collections" (
	"id" text PRIMARY KEY NOT NULL,
	"calendar_id" text NOT NULL,
	"href" text NOT NULL,
	"name" text NOT NULL,
	"color" text,
	"sync_token" text,
	"ctag" text,
	"write_back" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "caldav_objects" (
	"collection_id" text NOT NULL,
	"href" text NOT NULL,
	"etag" text,
	"data" text NOT NULL,
	CONSTRAINT "caldav_objects_collection_id_href_pk" PRIMARY KEY("collection_id","href")
);
--> statement-breakpoint
CREATE TABLE "caldav_written" (
	"collection_id" text NOT NULL,
	"plan_item_id" text NOT NULL,
	"href" text NOT NULL,
	"etag" text,
	"hash" text NOT NULL,
	CONSTRAINT "caldav_written_collection_id_plan_item_id_pk" PRIMARY KEY("collection_id","plan_item_id")
);
--> statement-breakpoint
ALTER TABLE "calendars" ADD COLUMN "username" text;--> statement-breakpoint
ALTER TABLE "calendars" ADD COLUMN "password_sealed" text;--> statement-breakpoint
ALTER TABLE "caldav_collections" ADD CONSTRAINT "caldav_collections_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caldav_objects" ADD CONSTRAINT "caldav_objects_collection_id_caldav_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."caldav_collections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caldav_written" ADD CONSTRAINT "caldav_written_collection_id_caldav_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."caldav_collections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "caldav_collections_href_idx" ON "caldav_collections" USING btree ("calendar_id","href");
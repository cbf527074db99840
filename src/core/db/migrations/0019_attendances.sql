CREATE TABLE "attendances" (
	"activity_id" text NOT NULL,
	"workspace_id" text NOT NULL,
	"email" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "activities_attendees_idx";--> statement-breakpoint
CREATE INDEX "attendances_contact_idx" ON "attendances" USING btree ("workspace_id","email","starts_at");--> statement-breakpoint
CREATE INDEX "attendances_activity_idx" ON "attendances" USING btree ("activity_id");--> statement-breakpoint
-- Kept by statement-level triggers: one insert or delete per statement, however many rows an
-- import writes. Attendees without an e-mail are nobody's contact; a deleted activity (soft or
-- hard) is nobody's meeting. An activity's rows are found through attendances_activity_idx; there
-- is no foreign key, whose per-row check would cost an import more than the rows themselves.
CREATE FUNCTION "attendances_of_new_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "attendances" ("activity_id", "workspace_id", "email", "starts_at")
  SELECT n."id", n."workspace_id", att->>'email', n."starts_at"
  FROM new_rows n CROSS JOIN LATERAL jsonb_array_elements(n."attendees") att
  WHERE n."deleted_at" IS NULL AND jsonb_typeof(n."attendees") = 'array' AND n."attendees" <> '[]'::jsonb
    AND att->>'email' IS NOT NULL;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "attendances_of_old_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "attendances" t USING old_rows o WHERE t."activity_id" = o."id";
  RETURN NULL;
END $$;--> statement-breakpoint
-- An update that changes who attended, when, or whether the activity is deleted replaces its rows.
CREATE FUNCTION "attendances_of_changed_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH changed AS (
    SELECT o."id", n."attendees" AS new_attendees, n."starts_at" AS new_starts_at,
           n."deleted_at" AS new_deleted_at, n."workspace_id" AS new_workspace_id
    FROM old_rows o JOIN new_rows n ON n."id" = o."id"
    WHERE (n."attendees", n."starts_at", n."deleted_at", n."workspace_id")
      IS DISTINCT FROM (o."attendees", o."starts_at", o."deleted_at", o."workspace_id")
  ), gone AS (
    DELETE FROM "attendances" t USING changed c WHERE t."activity_id" = c."id"
  )
  INSERT INTO "attendances" ("activity_id", "workspace_id", "email", "starts_at")
  SELECT c."id", c.new_workspace_id, att->>'email', c.new_starts_at
  FROM changed c CROSS JOIN LATERAL jsonb_array_elements(c.new_attendees) att
  WHERE c.new_deleted_at IS NULL AND jsonb_typeof(c.new_attendees) = 'array' AND c.new_attendees <> '[]'::jsonb
    AND att->>'email' IS NOT NULL;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "activities_attendances_insert" AFTER INSERT ON "activities"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "attendances_of_new_rows"();--> statement-breakpoint
CREATE TRIGGER "activities_attendances_update" AFTER UPDATE ON "activities"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "attendances_of_changed_rows"();--> statement-breakpoint
CREATE TRIGGER "activities_attendances_delete" AFTER DELETE ON "activities"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "attendances_of_old_rows"();--> statement-breakpoint
INSERT INTO "attendances" ("activity_id", "workspace_id", "email", "starts_at")
SELECT a."id", a."workspace_id", att->>'email', a."starts_at"
FROM "activities" a CROSS JOIN LATERAL jsonb_array_elements(a."attendees") att
WHERE a."deleted_at" IS NULL AND jsonb_typeof(a."attendees") = 'array' AND a."attendees" <> '[]'::jsonb
  AND att->>'email' IS NOT NULL;

-- CreateTable
CREATE TABLE "access_changes" (
    "id" BIGSERIAL NOT NULL,
    "user_id" TEXT NOT NULL,
    "changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "access_changes_pkey" PRIMARY KEY ("id")
);

-- Someone may have lost access: a membership changed or ended, a session ended (signed out, expired), the
-- organisation role changed or the account went. Each API process hears it (NOTIFY, or by reading the table) and
-- re-checks that person's open live streams at once, instead of waiting for the periodic check.
CREATE FUNCTION note_access_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  person text;
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    person := OLD.id;
  ELSE
    person := OLD.user_id;
  END IF;
  INSERT INTO access_changes (user_id) VALUES (person);
  PERFORM pg_notify('access_change', person);
  RETURN NULL;
END;
$$;

CREATE TRIGGER memberships_access_change
  AFTER UPDATE OR DELETE ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION note_access_change();

CREATE TRIGGER sessions_access_change
  AFTER DELETE ON "sessions"
  FOR EACH ROW EXECUTE FUNCTION note_access_change();

CREATE TRIGGER users_access_change
  AFTER UPDATE OF org_role OR DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION note_access_change();

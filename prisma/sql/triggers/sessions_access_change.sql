DROP TRIGGER IF EXISTS sessions_access_change ON sessions;
CREATE TRIGGER sessions_access_change AFTER DELETE ON sessions
  FOR EACH ROW
  EXECUTE FUNCTION note_access_change();

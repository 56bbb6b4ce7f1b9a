DROP TRIGGER IF EXISTS users_access_change ON users;
CREATE TRIGGER users_access_change AFTER DELETE OR UPDATE OF org_role ON users
  FOR EACH ROW
  EXECUTE FUNCTION note_access_change();

DROP TRIGGER IF EXISTS memberships_access_change ON memberships;
CREATE TRIGGER memberships_access_change AFTER DELETE OR UPDATE ON memberships
  FOR EACH ROW
  EXECUTE FUNCTION note_access_change();

DROP TRIGGER IF EXISTS activity_append_only ON activity;
CREATE TRIGGER activity_append_only BEFORE DELETE OR UPDATE ON activity
  FOR EACH ROW
  EXECUTE FUNCTION activity_is_append_only();

DROP TRIGGER IF EXISTS activity_notify_board ON activity;
CREATE TRIGGER activity_notify_board AFTER INSERT ON activity
  FOR EACH ROW
  EXECUTE FUNCTION notify_board_activity();

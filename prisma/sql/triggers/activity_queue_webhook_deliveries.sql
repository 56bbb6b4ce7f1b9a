DROP TRIGGER IF EXISTS activity_queue_webhook_deliveries ON activity;
CREATE TRIGGER activity_queue_webhook_deliveries AFTER INSERT ON activity
  FOR EACH ROW
  EXECUTE FUNCTION queue_webhook_deliveries();

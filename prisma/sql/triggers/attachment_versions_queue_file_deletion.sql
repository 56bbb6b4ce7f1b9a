DROP TRIGGER IF EXISTS attachment_versions_queue_file_deletion ON attachment_versions;
CREATE TRIGGER attachment_versions_queue_file_deletion AFTER DELETE ON attachment_versions
  FOR EACH ROW
  EXECUTE FUNCTION queue_file_deletion();

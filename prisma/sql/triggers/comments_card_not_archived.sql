DROP TRIGGER IF EXISTS comments_card_not_archived ON comments;
CREATE TRIGGER comments_card_not_archived BEFORE INSERT OR DELETE OR UPDATE ON comments
  FOR EACH ROW
  EXECUTE FUNCTION refuse_write_to_archived_card();

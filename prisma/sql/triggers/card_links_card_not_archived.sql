DROP TRIGGER IF EXISTS card_links_card_not_archived ON card_links;
CREATE TRIGGER card_links_card_not_archived BEFORE INSERT OR DELETE OR UPDATE ON card_links
  FOR EACH ROW
  EXECUTE FUNCTION refuse_write_to_archived_card();

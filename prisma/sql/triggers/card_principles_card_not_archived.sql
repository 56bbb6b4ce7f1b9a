DROP TRIGGER IF EXISTS card_principles_card_not_archived ON card_principles;
CREATE TRIGGER card_principles_card_not_archived BEFORE INSERT OR DELETE OR UPDATE ON card_principles
  FOR EACH ROW
  EXECUTE FUNCTION refuse_write_to_archived_card();

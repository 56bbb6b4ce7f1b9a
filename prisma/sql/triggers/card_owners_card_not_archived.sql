DROP TRIGGER IF EXISTS card_owners_card_not_archived ON card_owners;
CREATE TRIGGER card_owners_card_not_archived BEFORE INSERT OR DELETE OR UPDATE ON card_owners
  FOR EACH ROW
  EXECUTE FUNCTION refuse_write_to_archived_card();

DROP TRIGGER IF EXISTS checklists_card_not_archived ON checklists;
CREATE TRIGGER checklists_card_not_archived BEFORE INSERT OR DELETE OR UPDATE ON checklists
  FOR EACH ROW
  EXECUTE FUNCTION refuse_write_to_archived_card();

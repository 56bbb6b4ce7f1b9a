DROP TRIGGER IF EXISTS checklist_items_card_not_archived ON checklist_items;
CREATE TRIGGER checklist_items_card_not_archived BEFORE INSERT OR DELETE OR UPDATE ON checklist_items
  FOR EACH ROW
  EXECUTE FUNCTION refuse_write_to_archived_card();

DROP TRIGGER IF EXISTS cards_card_flow_estimate ON cards;
CREATE TRIGGER cards_card_flow_estimate AFTER UPDATE OF estimate ON cards
  FOR EACH ROW
  WHEN (old.estimate IS DISTINCT FROM new.estimate)
  EXECUTE FUNCTION card_flow_estimate();

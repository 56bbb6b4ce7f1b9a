DROP TRIGGER IF EXISTS card_principles_card_flow ON card_principles;
CREATE TRIGGER card_principles_card_flow AFTER INSERT OR DELETE OR UPDATE ON card_principles
  FOR EACH ROW
  EXECUTE FUNCTION card_flow_principles();

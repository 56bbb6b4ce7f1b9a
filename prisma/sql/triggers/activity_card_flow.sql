DROP TRIGGER IF EXISTS activity_card_flow ON activity;
CREATE TRIGGER activity_card_flow AFTER INSERT ON activity
  FOR EACH ROW
  WHEN ((new.kind = ANY (ARRAY['card.created'::text, 'card.moved'::text, 'card.restored'::text])) AND new.card_id IS NOT NULL AND new.team_id IS NOT NULL)
  EXECUTE FUNCTION card_flow_from_activity();

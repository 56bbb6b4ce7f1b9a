DROP TRIGGER IF EXISTS activity_card_blocks ON activity;
CREATE TRIGGER activity_card_blocks AFTER INSERT ON activity
  FOR EACH ROW
  WHEN ((new.kind = ANY (ARRAY['card.blocked'::text, 'card.unblocked'::text, 'card.archived'::text, 'card.restored'::text])) AND new.card_id IS NOT NULL AND new.team_id IS NOT NULL)
  EXECUTE FUNCTION card_blocks_from_activity();

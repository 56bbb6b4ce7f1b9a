-- AlterTable
ALTER TABLE "card_flow" ADD COLUMN     "estimate" INTEGER,
ADD COLUMN     "principle_ids" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- The card's principles as a sorted array, for the rollup.
CREATE FUNCTION card_principle_ids(card text) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT COALESCE(array_agg(principle_id ORDER BY principle_id), ARRAY[]::text[]) FROM card_principles WHERE card_id = card;
$$;

-- The activity trigger as before (decision 22), and a card's first row takes its estimate and principles now;
-- later changes come from the triggers on cards and card_principles below.
CREATE OR REPLACE FUNCTION card_flow_from_activity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stage text := NEW."to" ->> 'flowCategory';
BEGIN
  INSERT INTO card_flow (card_id, team_id, board_id, first_seen_at, backlog_at, todo_at, in_progress_at, done_at, estimate, principle_ids)
  VALUES (
    NEW.card_id, NEW.team_id, NEW.board_id, NEW.at,
    CASE WHEN stage = 'BACKLOG' THEN NEW.at END,
    CASE WHEN stage = 'TODO' THEN NEW.at END,
    CASE WHEN stage = 'IN_PROGRESS' THEN NEW.at END,
    CASE WHEN stage = 'DONE' THEN NEW.at END,
    (SELECT estimate FROM cards WHERE id = NEW.card_id),
    card_principle_ids(NEW.card_id))
  ON CONFLICT (card_id) DO UPDATE SET
    first_seen_at = LEAST(card_flow.first_seen_at, EXCLUDED.first_seen_at),
    backlog_at = LEAST(card_flow.backlog_at, EXCLUDED.backlog_at),
    todo_at = LEAST(card_flow.todo_at, EXCLUDED.todo_at),
    in_progress_at = LEAST(card_flow.in_progress_at, EXCLUDED.in_progress_at),
    done_at = LEAST(card_flow.done_at, EXCLUDED.done_at);
  RETURN NULL;
END $$;

CREATE FUNCTION card_flow_estimate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE card_flow SET estimate = NEW.estimate WHERE card_id = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER cards_card_flow_estimate AFTER UPDATE OF estimate ON cards
  FOR EACH ROW WHEN (OLD.estimate IS DISTINCT FROM NEW.estimate)
  EXECUTE FUNCTION card_flow_estimate();

CREATE FUNCTION card_flow_principles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE card_flow SET principle_ids = card_principle_ids(OLD.card_id) WHERE card_id = OLD.card_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE card_flow SET principle_ids = card_principle_ids(NEW.card_id) WHERE card_id = NEW.card_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER card_principles_card_flow AFTER INSERT OR UPDATE OR DELETE ON card_principles
  FOR EACH ROW EXECUTE FUNCTION card_flow_principles();

-- The rebuild fills the two new columns from the cards as they are now (otherwise unchanged).
CREATE OR REPLACE FUNCTION rebuild_card_flow() RETURNS void LANGUAGE sql AS $$
  TRUNCATE card_flow;
  INSERT INTO card_flow (card_id, team_id, board_id, first_seen_at, backlog_at, todo_at, in_progress_at, done_at, estimate, principle_ids)
  SELECT a.*, c.estimate, COALESCE(p.ids, ARRAY[]::text[])
  FROM (
    SELECT card_id, (array_agg(team_id ORDER BY id))[1] AS team_id, (array_agg(board_id ORDER BY id))[1] AS board_id, MIN(at) AS first_seen_at,
      MIN(at) FILTER (WHERE "to" ->> 'flowCategory' = 'BACKLOG') AS backlog_at,
      MIN(at) FILTER (WHERE "to" ->> 'flowCategory' = 'TODO') AS todo_at,
      MIN(at) FILTER (WHERE "to" ->> 'flowCategory' = 'IN_PROGRESS') AS in_progress_at,
      MIN(at) FILTER (WHERE "to" ->> 'flowCategory' = 'DONE') AS done_at
    FROM activity
    WHERE kind IN ('card.created', 'card.moved', 'card.restored') AND card_id IS NOT NULL AND team_id IS NOT NULL
    GROUP BY card_id
  ) a
  LEFT JOIN cards c ON c.id = a.card_id
  LEFT JOIN (SELECT card_id, array_agg(principle_id ORDER BY principle_id) AS ids FROM card_principles GROUP BY card_id) p ON p.card_id = a.card_id;
  SELECT rebuild_card_stage_flow(NULL);
$$;

-- Backfill.
UPDATE card_flow f SET estimate = c.estimate, principle_ids = card_principle_ids(f.card_id) FROM cards c WHERE c.id = f.card_id;

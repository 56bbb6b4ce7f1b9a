-- A card archived while blocked and restored still blocked is blocked again from the restore, under the category
-- it had (decision 27). Whether it is still blocked is read from the log (its last blocked or unblocked entry), as
-- the rebuild reads it, so the two agree. The obstacle's clock starts again at the restore.
CREATE OR REPLACE FUNCTION card_blocks_from_activity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  began timestamp(3);
  last_kind text;
  last_category text;
BEGIN
  IF NEW.kind = 'card.restored' THEN
    SELECT kind, "to" ->> 'category' INTO last_kind, last_category FROM activity
      WHERE card_id = NEW.card_id AND kind IN ('card.blocked', 'card.unblocked') AND (at, id) < (NEW.at, NEW.id)
      ORDER BY at DESC, id DESC LIMIT 1;
    IF last_kind = 'card.blocked' THEN
      INSERT INTO card_blocks (activity_id, card_id, team_id, category, started_at, obstacle_started_at)
      VALUES (NEW.id, NEW.card_id, NEW.team_id, last_category, NEW.at, NEW.at)
      ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
  END IF;
  UPDATE card_blocks SET ended_at = NEW.at, cleared = (NEW.kind = 'card.unblocked')
    WHERE card_id = NEW.card_id AND ended_at IS NULL
    RETURNING obstacle_started_at INTO began;
  IF NEW.kind = 'card.blocked' THEN
    INSERT INTO card_blocks (activity_id, card_id, team_id, category, started_at, obstacle_started_at)
    VALUES (NEW.id, NEW.card_id, NEW.team_id, NEW."to" ->> 'category', NEW.at, COALESCE(began, NEW.at));
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER activity_card_blocks ON activity;
CREATE TRIGGER activity_card_blocks AFTER INSERT ON activity
  FOR EACH ROW
  WHEN (NEW.kind IN ('card.blocked', 'card.unblocked', 'card.archived', 'card.restored') AND NEW.card_id IS NOT NULL AND NEW.team_id IS NOT NULL)
  EXECUTE FUNCTION card_blocks_from_activity();

-- The rebuild reads restores too: one whose card's last blocked or unblocked entry before it is a block starts a
-- stretch under that block's category, and starts a new obstacle (an episode begins after each entry that is
-- neither a block nor such a restore).
CREATE OR REPLACE FUNCTION rebuild_card_blocks() RETURNS void LANGUAGE sql AS $$
  TRUNCATE card_blocks;
  INSERT INTO card_blocks (activity_id, card_id, team_id, category, started_at, ended_at, obstacle_started_at, cleared)
  SELECT id, card_id, team_id, category, at, next_at, MIN(at) OVER (PARTITION BY card_id, episode), COALESCE(next_kind = 'card.unblocked', false)
  FROM (
    SELECT id, card_id, team_id, kind, at, next_at, next_kind, episode, block_kinds,
      CASE WHEN kind = 'card.restored' THEN block_categories[cardinality(block_categories)] ELSE "to" ->> 'category' END AS category
    FROM (
      SELECT id, card_id, team_id, kind, at, "to",
        LEAD(at) OVER card_order AS next_at,
        LEAD(kind) OVER card_order AS next_kind,
        COALESCE(SUM(CASE WHEN kind IN ('card.blocked', 'card.restored') THEN 0 ELSE 1 END) OVER (card_order ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS episode,
        array_agg(kind) FILTER (WHERE kind IN ('card.blocked', 'card.unblocked')) OVER (card_order ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS block_kinds,
        array_agg("to" ->> 'category') FILTER (WHERE kind = 'card.blocked') OVER (card_order ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS block_categories
      FROM activity
      WHERE kind IN ('card.blocked', 'card.unblocked', 'card.archived', 'card.restored') AND card_id IS NOT NULL AND team_id IS NOT NULL
      WINDOW card_order AS (PARTITION BY card_id ORDER BY at, id)
    ) e
  ) f
  WHERE kind = 'card.blocked' OR (kind = 'card.restored' AND block_kinds[cardinality(block_kinds)] = 'card.blocked');
$$;

SELECT rebuild_card_blocks();

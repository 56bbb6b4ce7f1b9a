-- CreateTable
CREATE TABLE "card_flow" (
    "card_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "board_id" TEXT,
    "first_seen_at" TIMESTAMP(3) NOT NULL,
    "backlog_at" TIMESTAMP(3),
    "todo_at" TIMESTAMP(3),
    "in_progress_at" TIMESTAMP(3),
    "done_at" TIMESTAMP(3),

    CONSTRAINT "card_flow_pkey" PRIMARY KEY ("card_id")
);

-- CreateIndex
CREATE INDEX "card_flow_team_id_done_at_idx" ON "card_flow"("team_id", "done_at");

-- CreateIndex
CREATE INDEX "card_flow_team_id_first_seen_at_idx" ON "card_flow"("team_id", "first_seen_at");

-- Keeps card_flow from the activity log: each placement (created, moved, restored) lowers the card's first
-- arrival in the stage it names. LEAST ignores NULLs, so an earlier arrival is never overwritten.
CREATE FUNCTION card_flow_from_activity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stage text := NEW."to" ->> 'flowCategory';
BEGIN
  INSERT INTO card_flow (card_id, team_id, board_id, first_seen_at, backlog_at, todo_at, in_progress_at, done_at)
  VALUES (
    NEW.card_id, NEW.team_id, NEW.board_id, NEW.at,
    CASE WHEN stage = 'BACKLOG' THEN NEW.at END,
    CASE WHEN stage = 'TODO' THEN NEW.at END,
    CASE WHEN stage = 'IN_PROGRESS' THEN NEW.at END,
    CASE WHEN stage = 'DONE' THEN NEW.at END)
  ON CONFLICT (card_id) DO UPDATE SET
    first_seen_at = LEAST(card_flow.first_seen_at, EXCLUDED.first_seen_at),
    backlog_at = LEAST(card_flow.backlog_at, EXCLUDED.backlog_at),
    todo_at = LEAST(card_flow.todo_at, EXCLUDED.todo_at),
    in_progress_at = LEAST(card_flow.in_progress_at, EXCLUDED.in_progress_at),
    done_at = LEAST(card_flow.done_at, EXCLUDED.done_at);
  RETURN NULL;
END $$;

CREATE TRIGGER activity_card_flow AFTER INSERT ON activity
  FOR EACH ROW
  WHEN (NEW.kind IN ('card.created', 'card.moved', 'card.restored') AND NEW.card_id IS NOT NULL AND NEW.team_id IS NOT NULL)
  EXECUTE FUNCTION card_flow_from_activity();

-- Rebuilds the whole table from the log: for history written before this migration, and for bulk loads that
-- insert activity with triggers off (the dashboard benchmark).
CREATE FUNCTION rebuild_card_flow() RETURNS void LANGUAGE sql AS $$
  TRUNCATE card_flow;
  INSERT INTO card_flow (card_id, team_id, board_id, first_seen_at, backlog_at, todo_at, in_progress_at, done_at)
  SELECT card_id, (array_agg(team_id ORDER BY id))[1], (array_agg(board_id ORDER BY id))[1], MIN(at),
    MIN(at) FILTER (WHERE "to" ->> 'flowCategory' = 'BACKLOG'),
    MIN(at) FILTER (WHERE "to" ->> 'flowCategory' = 'TODO'),
    MIN(at) FILTER (WHERE "to" ->> 'flowCategory' = 'IN_PROGRESS'),
    MIN(at) FILTER (WHERE "to" ->> 'flowCategory' = 'DONE')
  FROM activity
  WHERE kind IN ('card.created', 'card.moved', 'card.restored') AND card_id IS NOT NULL AND team_id IS NOT NULL
  GROUP BY card_id;
$$;

SELECT rebuild_card_flow();

-- The PMO's breaches in a period: those that started before its end and had not ended before its start.
CREATE INDEX wip_breaches_started_at_idx ON wip_breaches (started_at);

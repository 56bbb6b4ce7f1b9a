-- AlterTable
ALTER TABLE "columns" ADD COLUMN     "portfolio_stage_id" TEXT;

-- CreateTable
CREATE TABLE "portfolio_stages" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "flow_category" "FlowCategory" NOT NULL,

    CONSTRAINT "portfolio_stages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "card_stage_flow" (
    "card_id" TEXT NOT NULL,
    "stage_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "reached_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "card_stage_flow_pkey" PRIMARY KEY ("card_id","stage_id")
);

-- CreateTable
CREATE TABLE "stage_day_flow" (
    "team_id" TEXT NOT NULL,
    "stage_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "arrivals" INTEGER NOT NULL,

    CONSTRAINT "stage_day_flow_pkey" PRIMARY KEY ("team_id","stage_id","day")
);

-- CreateIndex
CREATE UNIQUE INDEX "portfolio_stages_name_key" ON "portfolio_stages"("name");

-- CreateIndex
CREATE INDEX "card_stage_flow_reached_at_stage_id_idx" ON "card_stage_flow"("reached_at", "stage_id");

-- CreateIndex
CREATE INDEX "card_stage_flow_team_id_reached_at_stage_id_idx" ON "card_stage_flow"("team_id", "reached_at", "stage_id");

-- CreateIndex
CREATE INDEX "stage_day_flow_stage_id_day_idx" ON "stage_day_flow"("stage_id", "day");

-- AddForeignKey
ALTER TABLE "columns" ADD CONSTRAINT "columns_portfolio_stage_id_fkey" FOREIGN KEY ("portfolio_stage_id") REFERENCES "portfolio_stages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "card_stage_flow" ADD CONSTRAINT "card_stage_flow_stage_id_fkey" FOREIGN KEY ("stage_id") REFERENCES "portfolio_stages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stage_day_flow" ADD CONSTRAINT "stage_day_flow_stage_id_fkey" FOREIGN KEY ("stage_id") REFERENCES "portfolio_stages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The default stages: one per flow category, as the dashboard showed before the PMO could set them.
INSERT INTO "portfolio_stages" ("id", "name", "position", "flow_category") VALUES
  (gen_random_uuid()::text, 'Backlog', 0, 'BACKLOG'),
  (gen_random_uuid()::text, 'To do', 1, 'TODO'),
  (gen_random_uuid()::text, 'In progress', 2, 'IN_PROGRESS'),
  (gen_random_uuid()::text, 'Done', 3, 'DONE');

-- The position of the stage a placement lands in: the column's own stage when the PMO mapped it onto one of the
-- flow category the card arrived with, otherwise the first stage of that category.
CREATE FUNCTION portfolio_stage_position(column_id text, category text) RETURNS int LANGUAGE sql STABLE AS $$
  SELECT COALESCE(
    (SELECT s.position FROM columns c JOIN portfolio_stages s ON s.id = c.portfolio_stage_id AND s.flow_category::text = category WHERE c.id = column_id),
    (SELECT MIN(position) FROM portfolio_stages WHERE flow_category::text = category));
$$;

-- Keeps card_stage_flow and stage_day_flow from the log: a placement in a stage lowers the card's first reach of
-- that stage and of every earlier one (a card that skipped a stage passed it), and moves the arrival between days
-- of the daily counts only when it changed, so moves back and forth write nothing.
CREATE FUNCTION card_stage_flow_from_activity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  placed int := portfolio_stage_position(NEW."to" ->> 'columnId', NEW."to" ->> 'flowCategory');
  s record;
  before timestamp(3);
  team text;
BEGIN
  IF placed IS NULL THEN RETURN NULL; END IF;
  FOR s IN SELECT id FROM portfolio_stages WHERE position <= placed LOOP
    SELECT reached_at, team_id INTO before, team FROM card_stage_flow WHERE card_id = NEW.card_id AND stage_id = s.id FOR UPDATE;
    IF NOT FOUND THEN
      INSERT INTO card_stage_flow (card_id, stage_id, team_id, reached_at) VALUES (NEW.card_id, s.id, NEW.team_id, NEW.at);
      team := NEW.team_id;
    ELSIF NEW.at < before THEN
      UPDATE card_stage_flow SET reached_at = NEW.at WHERE card_id = NEW.card_id AND stage_id = s.id;
      UPDATE stage_day_flow SET arrivals = arrivals - 1 WHERE team_id = team AND stage_id = s.id AND day = before::date;
    ELSE
      CONTINUE;
    END IF;
    INSERT INTO stage_day_flow (team_id, stage_id, day, arrivals) VALUES (team, s.id, NEW.at::date, 1)
      ON CONFLICT (team_id, stage_id, day) DO UPDATE SET arrivals = stage_day_flow.arrivals + 1;
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER activity_card_stage_flow AFTER INSERT ON activity
  FOR EACH ROW
  WHEN (NEW.kind IN ('card.created', 'card.moved', 'card.restored') AND NEW.card_id IS NOT NULL AND NEW.team_id IS NOT NULL)
  EXECUTE FUNCTION card_stage_flow_from_activity();

-- Recomputes both tables from the log for some teams (all when null): after the PMO changes the stages or the
-- mapping, and after a bulk load with triggers off. A card belongs to the team of its first entry.
CREATE FUNCTION rebuild_card_stage_flow(teams text[] DEFAULT NULL) RETURNS void LANGUAGE sql AS $$
  DELETE FROM card_stage_flow WHERE teams IS NULL OR team_id = ANY(teams);
  DELETE FROM stage_day_flow WHERE teams IS NULL OR team_id = ANY(teams);
  WITH firsts AS (
    SELECT DISTINCT ON (flow_category) flow_category::text AS category, position FROM portfolio_stages ORDER BY flow_category, position
  ), placed AS (
    SELECT a.id, a.card_id, a.team_id, a.at, COALESCE(mapped.position, firsts.position) AS position
    FROM activity a
    JOIN firsts ON firsts.category = a."to" ->> 'flowCategory'
    LEFT JOIN columns c ON c.id = a."to" ->> 'columnId'
    LEFT JOIN portfolio_stages mapped ON mapped.id = c.portfolio_stage_id AND mapped.flow_category::text = a."to" ->> 'flowCategory'
    WHERE a.kind IN ('card.created', 'card.moved', 'card.restored') AND a.card_id IS NOT NULL AND a.team_id IS NOT NULL
      AND (teams IS NULL OR a.team_id = ANY(teams))
  ), cards AS (
    SELECT DISTINCT ON (card_id) card_id, team_id FROM placed ORDER BY card_id, id
  ), reached AS (
    SELECT card_id, position, MIN(at) AS at FROM placed GROUP BY card_id, position
  )
  INSERT INTO card_stage_flow (card_id, stage_id, team_id, reached_at)
  SELECT r.card_id, s.id, cards.team_id, MIN(r.at)
  FROM reached r JOIN cards USING (card_id) JOIN portfolio_stages s ON s.position <= r.position
  GROUP BY r.card_id, s.id, cards.team_id;
  INSERT INTO stage_day_flow (team_id, stage_id, day, arrivals)
  SELECT team_id, stage_id, reached_at::date, COUNT(*)::int FROM card_stage_flow
  WHERE teams IS NULL OR team_id = ANY(teams)
  GROUP BY 1, 2, 3;
$$;

-- The per-card flow rollup's rebuild now rebuilds the stage rollups too (its definition is otherwise unchanged).
CREATE OR REPLACE FUNCTION rebuild_card_flow() RETURNS void LANGUAGE sql AS $$
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
  SELECT rebuild_card_stage_flow(NULL);
$$;

SELECT rebuild_card_stage_flow(NULL);

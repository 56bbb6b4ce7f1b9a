-- Every time becomes an instant (timestamptz), so no value, default or function depends on a session's time zone.
--
-- The columns held UTC without a zone: Prisma wrote UTC, and the functions wrote `now() AT TIME ZONE 'UTC'`.
-- Every value is read as UTC here (`USING ... AT TIME ZONE 'UTC'`), whatever the zone of this session.
-- Values filled in by a column default from inside the database (the entry move_card wrote, an access change,
-- a queued webhook delivery) were in the server's time zone: exact on a server set to UTC (the embedded database,
-- the official PostgreSQL images, most hosted services); on a server set to another zone they keep the shift they
-- were written with, which nothing can tell apart from a UTC value afterwards (docs/decisions/0043).

-- AlterTable
ALTER TABLE "access_changes" ALTER COLUMN "changed_at" SET DATA TYPE TIMESTAMPTZ(3) USING "changed_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "activity" ALTER COLUMN "at" SET DATA TYPE TIMESTAMPTZ(3) USING "at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "boards" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "archived_at" SET DATA TYPE TIMESTAMPTZ(3) USING "archived_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "card_blocks" ALTER COLUMN "started_at" SET DATA TYPE TIMESTAMPTZ(3) USING "started_at" AT TIME ZONE 'UTC',
ALTER COLUMN "ended_at" SET DATA TYPE TIMESTAMPTZ(3) USING "ended_at" AT TIME ZONE 'UTC',
ALTER COLUMN "obstacle_started_at" SET DATA TYPE TIMESTAMPTZ(3) USING "obstacle_started_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "card_flow" ALTER COLUMN "first_seen_at" SET DATA TYPE TIMESTAMPTZ(3) USING "first_seen_at" AT TIME ZONE 'UTC',
ALTER COLUMN "backlog_at" SET DATA TYPE TIMESTAMPTZ(3) USING "backlog_at" AT TIME ZONE 'UTC',
ALTER COLUMN "todo_at" SET DATA TYPE TIMESTAMPTZ(3) USING "todo_at" AT TIME ZONE 'UTC',
ALTER COLUMN "in_progress_at" SET DATA TYPE TIMESTAMPTZ(3) USING "in_progress_at" AT TIME ZONE 'UTC',
ALTER COLUMN "done_at" SET DATA TYPE TIMESTAMPTZ(3) USING "done_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "card_links" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "card_stage_flow" ALTER COLUMN "reached_at" SET DATA TYPE TIMESTAMPTZ(3) USING "reached_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "cards" ALTER COLUMN "due_date" SET DATA TYPE TIMESTAMPTZ(3) USING "due_date" AT TIME ZONE 'UTC',
ALTER COLUMN "blocked_since" SET DATA TYPE TIMESTAMPTZ(3) USING "blocked_since" AT TIME ZONE 'UTC',
ALTER COLUMN "escalated_at" SET DATA TYPE TIMESTAMPTZ(3) USING "escalated_at" AT TIME ZONE 'UTC',
ALTER COLUMN "pmo_state_at" SET DATA TYPE TIMESTAMPTZ(3) USING "pmo_state_at" AT TIME ZONE 'UTC',
ALTER COLUMN "archived_at" SET DATA TYPE TIMESTAMPTZ(3) USING "archived_at" AT TIME ZONE 'UTC',
ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "updated_at" SET DATA TYPE TIMESTAMPTZ(3) USING "updated_at" AT TIME ZONE 'UTC',
ALTER COLUMN "started_at" SET DATA TYPE TIMESTAMPTZ(3) USING "started_at" AT TIME ZONE 'UTC',
ALTER COLUMN "completed_at" SET DATA TYPE TIMESTAMPTZ(3) USING "completed_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "comments" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "edited_at" SET DATA TYPE TIMESTAMPTZ(3) USING "edited_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "import_jobs" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "finished_at" SET DATA TYPE TIMESTAMPTZ(3) USING "finished_at" AT TIME ZONE 'UTC',
ALTER COLUMN "heartbeat_at" SET DATA TYPE TIMESTAMPTZ(3) USING "heartbeat_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "invitations" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "expires_at" SET DATA TYPE TIMESTAMPTZ(3) USING "expires_at" AT TIME ZONE 'UTC',
ALTER COLUMN "accepted_at" SET DATA TYPE TIMESTAMPTZ(3) USING "accepted_at" AT TIME ZONE 'UTC',
ALTER COLUMN "revoked_at" SET DATA TYPE TIMESTAMPTZ(3) USING "revoked_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "memberships" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "org_settings" ALTER COLUMN "updated_at" SET DATA TYPE TIMESTAMPTZ(3) USING "updated_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "principles" ALTER COLUMN "archived_at" SET DATA TYPE TIMESTAMPTZ(3) USING "archived_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "retrospective_notes" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "edited_at" SET DATA TYPE TIMESTAMPTZ(3) USING "edited_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "retrospectives" ALTER COLUMN "opened_at" SET DATA TYPE TIMESTAMPTZ(3) USING "opened_at" AT TIME ZONE 'UTC',
ALTER COLUMN "closed_at" SET DATA TYPE TIMESTAMPTZ(3) USING "closed_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "sessions" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "last_seen_at" SET DATA TYPE TIMESTAMPTZ(3) USING "last_seen_at" AT TIME ZONE 'UTC',
ALTER COLUMN "expires_at" SET DATA TYPE TIMESTAMPTZ(3) USING "expires_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "sprints" ALTER COLUMN "start_date" SET DATA TYPE TIMESTAMPTZ(3) USING "start_date" AT TIME ZONE 'UTC',
ALTER COLUMN "end_date" SET DATA TYPE TIMESTAMPTZ(3) USING "end_date" AT TIME ZONE 'UTC',
ALTER COLUMN "started_at" SET DATA TYPE TIMESTAMPTZ(3) USING "started_at" AT TIME ZONE 'UTC',
ALTER COLUMN "closed_at" SET DATA TYPE TIMESTAMPTZ(3) USING "closed_at" AT TIME ZONE 'UTC',
ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "stage_recounts" ALTER COLUMN "requested_at" SET DATA TYPE TIMESTAMPTZ(3) USING "requested_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "teams" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "archived_at" SET DATA TYPE TIMESTAMPTZ(3) USING "archived_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "users" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "sign_in_locked_until" SET DATA TYPE TIMESTAMPTZ(3) USING "sign_in_locked_until" AT TIME ZONE 'UTC',
ALTER COLUMN "deactivated_at" SET DATA TYPE TIMESTAMPTZ(3) USING "deactivated_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "webhook_deliveries" ALTER COLUMN "next_attempt_at" SET DATA TYPE TIMESTAMPTZ(3) USING "next_attempt_at" AT TIME ZONE 'UTC',
ALTER COLUMN "locked_until" SET DATA TYPE TIMESTAMPTZ(3) USING "locked_until" AT TIME ZONE 'UTC',
ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC',
ALTER COLUMN "delivered_at" SET DATA TYPE TIMESTAMPTZ(3) USING "delivered_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "webhooks" ALTER COLUMN "created_at" SET DATA TYPE TIMESTAMPTZ(3) USING "created_at" AT TIME ZONE 'UTC';

-- AlterTable
ALTER TABLE "wip_breaches" ALTER COLUMN "started_at" SET DATA TYPE TIMESTAMPTZ(3) USING "started_at" AT TIME ZONE 'UTC',
ALTER COLUMN "ended_at" SET DATA TYPE TIMESTAMPTZ(3) USING "ended_at" AT TIME ZONE 'UTC';

-- Functions that read or write times, now in instants.

-- prisma/sql/functions/card_blocks_from_activity.sql
CREATE OR REPLACE FUNCTION public.card_blocks_from_activity()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  began timestamptz(3);
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
END $function$;

-- prisma/sql/functions/card_stage_flow_from_activity.sql
CREATE OR REPLACE FUNCTION public.card_stage_flow_from_activity()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  placed int := portfolio_stage_position(NEW."to" ->> 'columnId', NEW."to" ->> 'flowCategory');
  s record;
  before timestamptz(3);
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
      UPDATE stage_day_flow SET arrivals = arrivals - 1 WHERE team_id = team AND stage_id = s.id AND day = (before AT TIME ZONE 'UTC')::date;
    ELSE
      CONTINUE;
    END IF;
    INSERT INTO stage_day_flow (team_id, stage_id, day, arrivals) VALUES (team, s.id, (NEW.at AT TIME ZONE 'UTC')::date, 1)
      ON CONFLICT (team_id, stage_id, day) DO UPDATE SET arrivals = stage_day_flow.arrivals + 1;
  END LOOP;
  RETURN NULL;
END $function$;

-- prisma/sql/functions/card_summary.sql
CREATE OR REPLACE FUNCTION public.card_summary(c cards)
 RETURNS json
 LANGUAGE sql
 STABLE
AS $function$
  SELECT json_build_object(
    'id', c.id, 'columnId', c.column_id, 'swimlaneId', c.swimlane_id, 'sprintId', c.sprint_id, 'type', c.type,
    'title', c.title, 'rank', c.rank, 'estimate', c.estimate,
    'dueDate', to_char(c.due_date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'labels', c.labels,
    'blocked', c.blocked, 'blockedReason', c.blocked_reason, 'blockedSince', to_char(c.blocked_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'hypothesis', c.hypothesis, 'experimentResult', c.experiment_result,
    'ownerIds', COALESCE((SELECT array_agg(o.user_id ORDER BY o.user_id) FROM card_owners o WHERE o.card_id = c.id), '{}'),
    'principleIds', COALESCE((SELECT array_agg(p.principle_id ORDER BY p.principle_id) FROM card_principles p WHERE p.card_id = c.id), '{}'),
    'version', c.version, 'updatedAt', to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  )
$function$;

-- prisma/sql/functions/move_card.sql
CREATE OR REPLACE FUNCTION public.move_card(p_card_id text, p_version integer, p_place jsonb, p_expect jsonb, p_entry jsonb, OUT status text, OUT card json)
 RETURNS record
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_column_id text := p_place->>'columnId';
  v_lane_id text := p_place->>'swimlaneId';
  v_above text := p_expect->>'above';
  v_column columns%ROWTYPE;
  v_lane swimlanes%ROWTYPE;
  v_board_id text;
  v_sprint_id text;
BEGIN
  SELECT * INTO v_column FROM columns WHERE id = v_column_id FOR UPDATE;
  IF p_expect IS NOT NULL THEN
    IF NOT FOUND
      OR v_column.flow_category::text IS DISTINCT FROM p_expect->>'flowCategory'
      OR v_column.wip_limit IS DISTINCT FROM (p_expect->>'columnLimit')::int
      OR v_column.wip_policy::text IS DISTINCT FROM p_expect->>'columnPolicy' THEN
      status := 'changed';
      RETURN;
    END IF;
    IF v_lane_id IS NOT NULL THEN
      IF (p_expect->>'laneCount') IS NOT NULL THEN
        SELECT * INTO v_lane FROM swimlanes WHERE id = v_lane_id FOR UPDATE;
      ELSE
        SELECT * INTO v_lane FROM swimlanes WHERE id = v_lane_id;
      END IF;
      IF NOT FOUND
        OR v_lane.wip_limit IS DISTINCT FROM (p_expect->>'laneLimit')::int
        OR v_lane.wip_policy::text IS DISTINCT FROM p_expect->>'lanePolicy' THEN
        status := 'changed';
        RETURN;
      END IF;
    END IF;
    -- Counts may have gone down since, not up.
    IF (p_expect->>'columnCount') IS NOT NULL AND (
      SELECT count(*) FROM cards WHERE column_id = v_column_id AND archived_at IS NULL AND id <> p_card_id
    ) > (p_expect->>'columnCount')::int THEN
      status := 'changed';
      RETURN;
    END IF;
    IF (p_expect->>'laneCount') IS NOT NULL AND (
      SELECT count(*) FROM cards c JOIN columns k ON k.id = c.column_id
      WHERE c.swimlane_id = v_lane_id AND c.archived_at IS NULL AND c.id <> p_card_id AND k.flow_category IN ('TODO', 'IN_PROGRESS')
    ) > (p_expect->>'laneCount')::int THEN
      status := 'changed';
      RETURN;
    END IF;
    -- A person's limit: when the move counts against the limits of the card's owners (p_expect.owners, those
    -- with a limit), their rows are locked in id order, after the column's and swimlane's, and the decision holds
    -- only if the same owners have the same limits and none of them owns more cards in progress than seen.
    IF jsonb_typeof(p_expect->'owners') = 'array' THEN
      PERFORM 1 FROM users u WHERE u.id IN (SELECT o.user_id FROM card_owners o WHERE o.card_id = p_card_id) ORDER BY u.id FOR NO KEY UPDATE;
      IF (
        SELECT COALESCE(jsonb_agg(jsonb_build_object('userId', u.id, 'limit', u.wip_limit, 'policy', u.wip_policy::text) ORDER BY u.id), '[]'::jsonb)
        FROM users u JOIN card_owners o ON o.user_id = u.id WHERE o.card_id = p_card_id AND u.wip_limit IS NOT NULL
      ) IS DISTINCT FROM (
        SELECT COALESCE(jsonb_agg(jsonb_build_object('userId', e->>'userId', 'limit', (e->>'limit')::int, 'policy', e->>'policy') ORDER BY e->>'userId'), '[]'::jsonb)
        FROM jsonb_array_elements(p_expect->'owners') e
      ) OR EXISTS (
        SELECT 1 FROM jsonb_array_elements(p_expect->'owners') e
        WHERE (
          SELECT count(*) FROM card_owners o JOIN cards c ON c.id = o.card_id JOIN columns k ON k.id = c.column_id
          WHERE o.user_id = e->>'userId' AND c.archived_at IS NULL AND c.id <> p_card_id AND k.flow_category = 'IN_PROGRESS'
        ) > (e->>'count')::int
      ) THEN
        status := 'changed';
        RETURN;
      END IF;
    END IF;
    -- Ranks are as they were (not spread out since), the card it goes after is still where it was, and no card
    -- holds the new rank. A card that came in next to the new place since was dropped there at the same moment:
    -- the two end up next to each other.
    IF v_column.rank_epoch IS DISTINCT FROM (p_expect->>'rankEpoch')::int
      OR (p_expect->>'afterCardId') IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM cards WHERE id = p_expect->>'afterCardId' AND column_id = v_column_id AND archived_at IS NULL AND rank = v_above COLLATE "C"
      )
      OR EXISTS (
        SELECT 1 FROM cards WHERE column_id = v_column_id AND archived_at IS NULL AND id <> p_card_id AND rank = (p_place->>'rank') COLLATE "C"
      ) THEN
      status := 'changed';
      RETURN;
    END IF;
  END IF;

  -- Times are instants (timestamptz); the placement's come as ISO 8601 with their zone.
  UPDATE cards SET column_id = v_column_id, swimlane_id = v_lane_id, rank = p_place->>'rank', version = version + 1,
    started_at = (p_place->>'startedAt')::timestamptz, completed_at = (p_place->>'completedAt')::timestamptz,
    updated_at = now()
  WHERE id = p_card_id AND version = p_version
  RETURNING board_id, sprint_id INTO v_board_id, v_sprint_id;
  IF NOT FOUND THEN
    status := 'stale';
    RETURN;
  END IF;
  INSERT INTO activity (actor_id, team_id, board_id, card_id, sprint_id, kind, field, "from", "to")
  VALUES (p_entry->>'actorId', p_entry->>'teamId', v_board_id, p_card_id, v_sprint_id, p_entry->>'kind', p_entry->>'field', p_entry->'from', p_entry->'to');

  -- The card's summary, in the shape the board lists cards.
  SELECT card_summary(c) INTO card FROM cards c WHERE c.id = p_card_id;
  status := 'moved';
END;
$function$;

-- prisma/sql/functions/queue_webhook_deliveries.sql
CREATE OR REPLACE FUNCTION public.queue_webhook_deliveries()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_events text[];
BEGIN
  IF NEW.team_id IS NULL THEN
    RETURN NULL;
  END IF;
  v_events := CASE NEW.kind
    WHEN 'card.created' THEN ARRAY['card.created']
    WHEN 'card.moved' THEN CASE WHEN NEW."to"->>'flowCategory' = 'DONE' AND NEW."from"->>'flowCategory' IS DISTINCT FROM 'DONE'
      THEN ARRAY['card.moved', 'card.done'] ELSE ARRAY['card.moved'] END
    WHEN 'card.blocked' THEN ARRAY['card.blocked']
    WHEN 'sprint.started' THEN ARRAY['sprint.started']
    WHEN 'sprint.closed' THEN ARRAY['sprint.closed']
    WHEN 'wip.breach.started' THEN ARRAY['wip.breach.started']
    ELSE NULL END;
  IF v_events IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO webhook_deliveries (id, webhook_id, activity_id, event, payload, next_attempt_at)
  SELECT gen_random_uuid()::text, w.id, NEW.id, e.event,
    jsonb_build_object('event', e.event, 'teamId', NEW.team_id, 'boardId', NEW.board_id, 'cardId', NEW.card_id, 'sprintId', NEW.sprint_id,
      'actorId', NEW.actor_id, 'at', to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'activity', jsonb_build_object('id', NEW.id::text, 'kind', NEW.kind, 'field', NEW.field, 'from', NEW."from", 'to', NEW."to")),
    now()
  FROM webhooks w CROSS JOIN unnest(v_events) AS e(event)
  WHERE w.team_id = NEW.team_id AND w.active AND e.event = ANY (w.events);
  RETURN NULL;
END;
$function$;

-- prisma/sql/functions/rebuild_card_stage_flow.sql
CREATE OR REPLACE FUNCTION public.rebuild_card_stage_flow(teams text[] DEFAULT NULL::text[])
 RETURNS void
 LANGUAGE plpgsql
AS $function$
DECLARE
  chosen text[] := COALESCE(teams, ARRAY(SELECT id FROM teams));
BEGIN
  DELETE FROM card_stage_flow WHERE team_id = ANY(chosen);
  DELETE FROM stage_day_flow WHERE team_id = ANY(chosen);
  WITH firsts AS (
    SELECT DISTINCT ON (flow_category) flow_category::text AS category, position FROM portfolio_stages ORDER BY flow_category, position
  ), placed AS (
    SELECT a.id, a.card_id, a.team_id, a.at, COALESCE(mapped.position, firsts.position) AS position
    FROM activity a
    JOIN firsts ON firsts.category = a."to" ->> 'flowCategory'
    LEFT JOIN columns c ON c.id = a."to" ->> 'columnId'
    LEFT JOIN portfolio_stages mapped ON mapped.id = c.portfolio_stage_id AND mapped.flow_category::text = a."to" ->> 'flowCategory'
    WHERE a.kind IN ('card.created', 'card.moved', 'card.restored') AND a.card_id IS NOT NULL AND a.team_id = ANY(chosen)
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
  SELECT team_id, stage_id, (reached_at AT TIME ZONE 'UTC')::date, COUNT(*)::int FROM card_stage_flow WHERE team_id = ANY(chosen)
  GROUP BY 1, 2, 3;
END $function$;

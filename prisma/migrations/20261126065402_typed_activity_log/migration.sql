-- AlterTable
-- Rows already there get 0 (no rewrite); new rows get the transaction that writes them.
ALTER TABLE "activity" ADD COLUMN     "xid" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "activity" ALTER COLUMN "xid" SET DEFAULT (pg_current_xact_id())::text::bigint;

-- AlterTable
ALTER TABLE "cards" ADD COLUMN     "blocker_category" TEXT;

-- CreateTable
CREATE TABLE "activity_commits" (
    "seq" BIGSERIAL NOT NULL,
    "activity_id" BIGINT NOT NULL,
    "board_id" TEXT,

    CONSTRAINT "activity_commits_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "activity_commits_activity_id_key" ON "activity_commits"("activity_id");

-- CreateIndex
CREATE INDEX "activity_commits_board_id_seq_idx" ON "activity_commits"("board_id", "seq");

-- CreateIndex
CREATE INDEX "activity_xid_idx" ON "activity"("xid");

-- ---------- Gap-free catch-up: the log in commit order (docs/decisions/0007) ----------
-- At commit, a deferred trigger numbers the committing transaction's entries in activity_commits. It first takes a
-- transaction-level advisory lock per board the transaction wrote to (in key order, so two transactions cannot
-- wait on each other), and PostgreSQL releases those locks only after the commit is visible. So on each board the
-- numbers are handed out in commit order, and a reader never sees a number while a smaller one is still to come.
CREATE FUNCTION sequence_activity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_xid bigint := (pg_current_xact_id())::text::bigint;
  v_key int;
BEGIN
  -- The first entry's trigger numbers all of the transaction's entries; the others find it done.
  IF current_setting('amb.activity_sequenced', true) = v_xid::text THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('amb.activity_sequenced', v_xid::text, true);
  FOR v_key IN SELECT DISTINCT hashtext(COALESCE(board_id, '')) FROM activity WHERE xid = v_xid ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(20261126, v_key);
  END LOOP;
  INSERT INTO activity_commits (activity_id, board_id)
    SELECT id, board_id FROM activity WHERE xid = v_xid ORDER BY id;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER activity_sequence
  AFTER INSERT ON "activity"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION sequence_activity();

-- ---------- Existing rows: their new shapes ----------
-- Each kind's shape is the zod schema in packages/shared/src/activity.ts. What cannot be recovered becomes
-- 'legacy.entry' with the old kind in `field`; what is recovered from today's state (an archived card's swimlane,
-- a blocked card's reason) is the best that is known.
ALTER TABLE "activity" DISABLE TRIGGER activity_append_only;

-- Reordering within a column
UPDATE activity SET kind = 'card.reordered', field = NULL, "from" = jsonb_build_object('rank', "from"), "to" = jsonb_build_object('rank', "to")
WHERE kind = 'card.updated' AND field = 'rank' AND jsonb_typeof("from") = 'string' AND jsonb_typeof("to") = 'string';

UPDATE activity SET field = NULL WHERE kind = 'card.moved';

UPDATE activity SET kind = 'card.estimate.changed', field = NULL,
  "from" = jsonb_build_object('points', COALESCE("from", 'null'::jsonb)), "to" = jsonb_build_object('points', COALESCE("to", 'null'::jsonb))
WHERE kind = 'card.updated' AND field = 'estimate';

UPDATE activity SET kind = 'card.sprint.changed', field = NULL, sprint_id = COALESCE("to" #>> '{}', sprint_id),
  "from" = jsonb_build_object('sprintId', COALESCE("from", 'null'::jsonb)), "to" = jsonb_build_object('sprintId', COALESCE("to", 'null'::jsonb))
WHERE kind = 'card.updated' AND field = 'sprintId';

-- Blocking: the reason was a separate entry of the same update (same card, same moment), or only on the card.
UPDATE activity a SET kind = 'card.blocked', field = NULL, "from" = NULL,
  "to" = jsonb_build_object('reason', COALESCE(
    (SELECT r."to" FROM activity r WHERE r.card_id = a.card_id AND r.at = a.at AND r.kind = 'card.updated' AND r.field = 'blockedReason' LIMIT 1),
    to_jsonb((SELECT c.blocked_reason FROM cards c WHERE c.id = a.card_id AND c.blocked)),
    'null'::jsonb), 'category', NULL)
WHERE kind = 'card.updated' AND field = 'blocked' AND "to" = 'true'::jsonb;

UPDATE activity a SET kind = 'card.unblocked', field = NULL, "to" = NULL,
  "from" = jsonb_build_object('reason', COALESCE(
    (SELECT r."from" FROM activity r WHERE r.card_id = a.card_id AND r.at = a.at AND r.kind = 'card.updated' AND r.field = 'blockedReason' LIMIT 1),
    'null'::jsonb), 'category', NULL)
WHERE kind = 'card.updated' AND field = 'blocked' AND "to" = 'false'::jsonb;

DELETE FROM activity r WHERE r.kind = 'card.updated' AND r.field = 'blockedReason'
  AND EXISTS (SELECT 1 FROM activity a WHERE a.card_id = r.card_id AND a.at = r.at AND a.kind IN ('card.blocked', 'card.unblocked'));

-- A new reason while the card stayed blocked
UPDATE activity SET kind = 'card.blocked', field = NULL, "from" = NULL, "to" = jsonb_build_object('reason', "to", 'category', NULL)
WHERE kind = 'card.updated' AND field = 'blockedReason' AND jsonb_typeof("to") = 'string';

-- Archive and restore: the place the card left or came back to, with that column's flow category.
UPDATE activity a SET "from" = jsonb_build_object('columnId', a."from"->>'columnId', 'swimlaneId', c.swimlane_id, 'flowCategory', k.flow_category::text)
FROM cards c, columns k
WHERE a.kind = 'card.archived' AND c.id = a.card_id AND k.id = a."from"->>'columnId' AND NOT (a."from" ? 'flowCategory');

UPDATE activity a SET "to" = jsonb_build_object('columnId', a."to"->>'columnId', 'swimlaneId', c.swimlane_id, 'flowCategory', k.flow_category::text)
FROM cards c, columns k
WHERE a.kind = 'card.restored' AND c.id = a.card_id AND k.id = a."to"->>'columnId' AND NOT (a."to" ? 'flowCategory');

-- A comment entry without the comment: the card's comment nearest in time.
UPDATE activity a SET "to" = jsonb_build_object('commentId', (
  SELECT m.id FROM comments m WHERE m.card_id = a.card_id ORDER BY abs(extract(epoch FROM m.created_at - a.at)) LIMIT 1))
WHERE a.kind = 'comment.added' AND (a."to" IS NULL OR a."to" = 'null'::jsonb OR NOT (a."to" ? 'commentId'))
  AND EXISTS (SELECT 1 FROM comments m WHERE m.card_id = a.card_id);

-- Checklists: one kind per change
UPDATE activity SET kind = 'checklist.added', "to" = jsonb_build_object('title', "to"->'checklist')
WHERE kind = 'checklist.changed' AND "to" ? 'checklist' AND "to" ? 'added';
UPDATE activity SET kind = 'checklist.removed', "from" = jsonb_build_object('title', "to"->'checklist'), "to" = NULL
WHERE kind = 'checklist.changed' AND "to" ? 'checklist' AND "to" ? 'removed';
UPDATE activity SET kind = 'checklist.item.added', "to" = jsonb_build_object('text', "to"->'item')
WHERE kind = 'checklist.changed' AND "to" ? 'item' AND "to" ? 'added';
UPDATE activity SET kind = 'checklist.item.removed', "from" = jsonb_build_object('text', "to"->'item'), "to" = NULL
WHERE kind = 'checklist.changed' AND "to" ? 'item' AND "to" ? 'removed';
UPDATE activity SET kind = 'checklist.item.updated',
  "from" = jsonb_build_object('text', "to"->'item', 'done', NOT ("to"->>'done')::boolean),
  "to" = jsonb_build_object('text', "to"->'item', 'done', ("to"->>'done')::boolean)
WHERE kind = 'checklist.changed' AND "to" ? 'item' AND "to" ? 'done';

-- Links: which card links to which, and how
UPDATE activity SET "to" = jsonb_build_object('linkKind', "to"->'kind', 'fromCardId', "to"->'from', 'toCardId', "to"->'to')
WHERE kind = 'link.added' AND "to" ? 'from';
UPDATE activity SET "to" = jsonb_build_object('linkKind', "to"->'kind', 'fromCardId', card_id, 'toCardId', "to"->'cardId')
WHERE kind = 'link.added' AND "to" ? 'cardId';
UPDATE activity SET "from" = jsonb_build_object('linkKind', "from"->'kind', 'fromCardId', card_id, 'toCardId', "from"->'to')
WHERE kind = 'link.removed' AND "from" ? 'to';

-- Columns and swimlanes: their id under its own name
UPDATE activity SET "to" = ("to" - 'id') || jsonb_build_object('columnId', "to"->'id') WHERE kind = 'column.created' AND "to" ? 'id';
UPDATE activity SET "from" = ("from" - 'id') || jsonb_build_object('columnId', "from"->'id'),
  "to" = COALESCE("to", '{}'::jsonb) || jsonb_build_object('columnId', "from"->'id')
WHERE kind = 'column.updated' AND "from" ? 'id';
UPDATE activity SET "from" = ("from" - 'id') || jsonb_build_object('columnId', "from"->'id') WHERE kind = 'column.deleted' AND "from" ? 'id';
UPDATE activity SET "to" = ("to" - 'id') || jsonb_build_object('swimlaneId', "to"->'id') WHERE kind = 'swimlane.created' AND "to" ? 'id';
UPDATE activity SET "from" = ("from" - 'id') || jsonb_build_object('swimlaneId', "from"->'id'),
  "to" = COALESCE("to", '{}'::jsonb) || jsonb_build_object('swimlaneId', "from"->'id')
WHERE kind = 'swimlane.updated' AND "from" ? 'id';
UPDATE activity SET "from" = ("from" - 'id') || jsonb_build_object('swimlaneId', "from"->'id') WHERE kind = 'swimlane.deleted' AND "from" ? 'id';

-- People and teams: who it was about, in the payload
UPDATE activity SET kind = 'team.member.role.changed', field = NULL,
  "from" = jsonb_build_object('userId', field, 'role', "from"->'role'), "to" = jsonb_build_object('userId', field, 'role', "to"->'role')
WHERE kind = 'team.member.set' AND "from" ? 'role';
UPDATE activity SET kind = 'team.member.added', field = NULL, "to" = jsonb_build_object('userId', field, 'role', "to"->'role')
WHERE kind = 'team.member.set';
UPDATE activity SET field = NULL, "from" = jsonb_build_object('userId', field, 'role', NULL)
WHERE kind = 'team.member.removed' AND field IS NOT NULL;
UPDATE activity SET field = NULL, "from" = jsonb_build_object('userId', field, 'orgRole', "from"), "to" = jsonb_build_object('userId', field, 'orgRole', "to")
WHERE kind = 'user.org-role.changed' AND field IS NOT NULL;
UPDATE activity SET field = NULL, "to" = "to" || jsonb_build_object('principleId', field)
WHERE kind = 'principle.created' AND field IS NOT NULL;
UPDATE activity SET field = NULL, "from" = COALESCE("from", '{}'::jsonb) || jsonb_build_object('principleId', field), "to" = COALESCE("to", '{}'::jsonb) || jsonb_build_object('principleId', field)
WHERE kind = 'principle.updated' AND field IS NOT NULL;

-- Whatever is left in an old shape is kept, marked: its old kind (and field) in `field`.
UPDATE activity SET kind = 'legacy.entry', field = kind || COALESCE(':' || field, '')
WHERE (kind = 'card.updated' AND field NOT IN ('title', 'description', 'type', 'labels', 'dueDate', 'hypothesis', 'metric', 'experimentResult', 'ownerIds', 'principleIds'))
  OR (kind = 'card.updated' AND field IS NULL)
  OR kind IN ('checklist.changed', 'team.member.set')
  OR (kind IN ('sprint.started', 'sprint.closed') AND ("to" IS NULL OR "to" = 'null'::jsonb))
  OR (kind = 'card.archived' AND NOT (COALESCE("from", '{}'::jsonb) ? 'flowCategory'))
  OR (kind = 'card.restored' AND NOT (COALESCE("to", '{}'::jsonb) ? 'flowCategory'))
  OR (kind = 'comment.added' AND NOT (COALESCE("to", '{}'::jsonb) ? 'commentId'));

ALTER TABLE "activity" ENABLE TRIGGER activity_append_only;

-- The log so far, in id order: a client that last saw activity id N resumes after seq N.
INSERT INTO activity_commits (seq, activity_id, board_id) SELECT id, id, board_id FROM activity ORDER BY id;
SELECT setval(pg_get_serial_sequence('activity_commits', 'seq'), GREATEST((SELECT max(seq) FROM activity_commits), 1));

-- ---------- move_card: a move's entry names the sprint the card is in ----------
CREATE OR REPLACE FUNCTION move_card(p_card_id text, p_version int, p_place jsonb, p_expect jsonb, p_entry jsonb, OUT status text, OUT card json)
LANGUAGE plpgsql AS $$
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

  -- Timestamps are stored as UTC without a zone, as everywhere else in this schema.
  UPDATE cards SET column_id = v_column_id, swimlane_id = v_lane_id, rank = p_place->>'rank', version = version + 1,
    started_at = (p_place->>'startedAt')::timestamp, completed_at = (p_place->>'completedAt')::timestamp,
    updated_at = now() AT TIME ZONE 'UTC'
  WHERE id = p_card_id AND version = p_version
  RETURNING board_id, sprint_id INTO v_board_id, v_sprint_id;
  IF NOT FOUND THEN
    status := 'stale';
    RETURN;
  END IF;
  INSERT INTO activity (actor_id, team_id, board_id, card_id, sprint_id, kind, field, "from", "to")
  VALUES (p_entry->>'actorId', p_entry->>'teamId', v_board_id, p_card_id, v_sprint_id, p_entry->>'kind', p_entry->>'field', p_entry->'from', p_entry->'to');

  -- The card's summary, in the shape the board lists cards.
  SELECT json_build_object(
    'id', c.id, 'columnId', c.column_id, 'swimlaneId', c.swimlane_id, 'sprintId', c.sprint_id, 'type', c.type,
    'title', c.title, 'rank', c.rank, 'estimate', c.estimate,
    'dueDate', to_char(c.due_date, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'labels', c.labels,
    'blocked', c.blocked, 'blockedReason', c.blocked_reason, 'blockedSince', to_char(c.blocked_since, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'experimentResult', c.experiment_result,
    'ownerIds', COALESCE((SELECT array_agg(o.user_id ORDER BY o.user_id) FROM card_owners o WHERE o.card_id = c.id), '{}'),
    'principleIds', COALESCE((SELECT array_agg(p.principle_id ORDER BY p.principle_id) FROM card_principles p WHERE p.card_id = c.id), '{}'),
    'version', c.version, 'updatedAt', to_char(c.updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  ) INTO card FROM cards c WHERE c.id = p_card_id;
  status := 'moved';
END;
$$;

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
    IF (p_expect->>'laneCount') IS NOT NULL AND swimlane_wip_count(v_lane_id, p_card_id) > (p_expect->>'laneCount')::int THEN
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
        WHERE person_wip_count(e->>'userId', p_card_id) > (e->>'count')::int
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

  -- A card leaves a column that requires approval only once its approval stands approved (approvalGateRefusal in
  -- the domain). Checked here, with the card's row locked, whichever way the move was decided; an approval
  -- decision written at the same moment is either seen or comes after the move.
  PERFORM 1 FROM cards WHERE id = p_card_id FOR NO KEY UPDATE;
  IF EXISTS (
    SELECT 1 FROM cards c JOIN columns k ON k.id = c.column_id
    WHERE c.id = p_card_id AND k.requires_approval AND c.column_id <> v_column_id
      AND ((card_summary(c)->'approval'->>'state') IS DISTINCT FROM 'approved')
  ) THEN
    status := 'gated';
    RETURN;
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

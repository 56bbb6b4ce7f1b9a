CREATE OR REPLACE FUNCTION public.refuse_write_to_archived_card()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_row record;
  v_card_ids text[];
  v_archived text;
BEGIN
  -- Deleting a card, a board or a team removes what hangs off its cards: that is not a write to an archived card.
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'DELETE' THEN v_row := OLD; ELSE v_row := NEW; END IF;

  IF TG_TABLE_NAME = 'checklist_items' THEN
    SELECT array_agg(card_id) INTO v_card_ids FROM checklists WHERE id = v_row.checklist_id;
  ELSIF TG_TABLE_NAME = 'card_links' THEN
    v_card_ids := ARRAY[v_row.from_card_id, v_row.to_card_id];
  ELSE
    v_card_ids := ARRAY[v_row.card_id];
  END IF;

  PERFORM 1 FROM cards WHERE id = ANY(v_card_ids) ORDER BY id FOR SHARE;
  SELECT id INTO v_archived FROM cards WHERE id = ANY(v_card_ids) AND archived_at IS NOT NULL LIMIT 1;
  IF v_archived IS NOT NULL THEN
    RAISE EXCEPTION 'card % is archived; restore it before changing it', v_archived USING ERRCODE = 'AMB01';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$function$;

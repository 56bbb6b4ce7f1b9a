import { activityKinds } from '@amb/shared/activity';

/** The log entries that start or end a block (decision 27); the partial index `activity_blocking_idx` holds just these. */
export const blockingKindsSql = `('${activityKinds.cardBlocked}', '${activityKinds.cardUnblocked}', '${activityKinds.cardArchived}')`;

/**
 * SQL for the blocking entries of the teams in `$1` written before the instant `toSql`, each with the next blocking
 * entry of its card (`next_at`) and the number of blocks its card ended before it (`episode`): the rows
 * `blockSpans` and `clearedObstacles` in packages/domain/src/blocked-time.ts fold.
 */
export const blockingEntriesSql = (toSql: string) => `
  SELECT team_id, card_id, kind, at,
    "to" ->> 'category' AS blocked_category,
    "from" ->> 'category' AS cleared_category,
    LEAD(at) OVER card_order AS next_at,
    COALESCE(SUM(CASE WHEN kind = '${activityKinds.cardBlocked}' THEN 0 ELSE 1 END) OVER (card_order ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS episode
  FROM activity
  WHERE kind IN ${blockingKindsSql} AND team_id = ANY($1::text[]) AND at < ${toSql}
  WINDOW card_order AS (PARTITION BY team_id, card_id ORDER BY at, id)`;

/**
 * SQL for an instant column as the API writes times everywhere: ISO 8601, UTC, milliseconds, whatever the database
 * session's time zone.
 */
export const isoTimestampSql = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

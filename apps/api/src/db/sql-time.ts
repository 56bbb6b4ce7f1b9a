/**
 * SQL for a timestamp column as the API writes times everywhere: ISO 8601, UTC, milliseconds. The columns hold UTC
 * without a zone, so the value is formatted as stored, whatever the database session's time zone.
 */
export const isoTimestampSql = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

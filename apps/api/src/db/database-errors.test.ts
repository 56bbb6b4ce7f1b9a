import { describe, expect, it } from 'vitest';
import { CARD_ARCHIVED_STATE, hasDatabaseState, isDatabaseUnavailable } from './database-errors';

// The shapes below are those pg, Prisma's driver adapter and Prisma's client produced against a real database.
const prismaWrapped = (cause: object) =>
  Object.assign(new Error('Raw query failed.'), {
    code: 'P2010',
    meta: { driverAdapterError: { name: 'DriverAdapterError', cause } },
  });

describe('reading database errors', () => {
  it('knows a dropped or unreachable database, however it is wrapped', () => {
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(prismaWrapped({ kind: 'postgres', code: '57P01', originalCode: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(prismaWrapped({ kind: 'ConnectionClosed' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('Transaction API error: Unable to start a transaction in the given time.')),
    ).toBe(true);
  });

  it('does not mistake a refused statement for an outage', () => {
    expect(isDatabaseUnavailable(prismaWrapped({ kind: 'UniqueConstraintViolation', originalCode: '23505' }))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('card 1 is archived; restore it before changing it'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it('finds our own SQLSTATE from the archived-card trigger', () => {
    expect(
      hasDatabaseState(
        prismaWrapped({ kind: 'postgres', code: CARD_ARCHIVED_STATE, originalCode: CARD_ARCHIVED_STATE }),
        CARD_ARCHIVED_STATE,
      ),
    ).toBe(true);
    expect(
      hasDatabaseState(
        new Error('Invalid invocation: Code: `AMB01`. Message: `card is archived`'),
        CARD_ARCHIVED_STATE,
      ),
    ).toBe(true);
    expect(hasDatabaseState(prismaWrapped({ kind: 'postgres', code: '23505' }), CARD_ARCHIVED_STATE)).toBe(false);
  });
});

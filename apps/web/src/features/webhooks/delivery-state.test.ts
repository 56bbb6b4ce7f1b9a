import { describe, expect, it } from 'vitest';
import { deliveryState } from './delivery-state';

describe('deliveryState', () => {
  it('tells pending from retrying by the attempts made, and names a given-up delivery failed', () => {
    expect(deliveryState({ status: 'PENDING', attempts: 0 }).label).toBe('Pending');
    expect(deliveryState({ status: 'PENDING', attempts: 2 })).toEqual({ label: 'Retrying', tone: 'failed' });
    expect(deliveryState({ status: 'DELIVERED', attempts: 3 })).toEqual({ label: 'Delivered', tone: 'ok' });
    expect(deliveryState({ status: 'GAVE_UP', attempts: 12 })).toEqual({ label: 'Failed', tone: 'failed' });
  });
});

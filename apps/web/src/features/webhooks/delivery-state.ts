import type { WebhookDelivery } from '@amb/shared/webhooks';

/** What a delivery's state means to the person reading it: pending, retrying (tried, not yet delivered), delivered or failed (given up). */
export function deliveryState(d: Pick<WebhookDelivery, 'status' | 'attempts'>): {
  label: string;
  tone: 'ok' | 'waiting' | 'failed';
} {
  if (d.status === 'DELIVERED') return { label: 'Delivered', tone: 'ok' };
  if (d.status === 'GAVE_UP') return { label: 'Failed', tone: 'failed' };
  return d.attempts > 0 ? { label: 'Retrying', tone: 'failed' } : { label: 'Pending', tone: 'waiting' };
}

import { z } from 'zod';
import { idSchema } from './common';

// Webhooks: a team's changes sent as signed JSON to another system (chat, automation).

export const webhookEvents = [
  'card.created',
  'card.moved',
  'card.blocked',
  'card.done',
  'sprint.started',
  'sprint.closed',
  'wip.breach.started',
  'attachment.added',
  'approval.decided',
] as const;
export const webhookEventSchema = z.enum(webhookEvents);

/**
 * What a webhook's body looks like: the board's signed JSON, a Slack message (blocks) or a Microsoft Teams message
 * (an Adaptive Card), for a channel's incoming-webhook address.
 */
export const webhookFormats = ['JSON', 'SLACK', 'TEAMS'] as const;
export const webhookFormatSchema = z.enum(webhookFormats);
export type WebhookFormat = z.infer<typeof webhookFormatSchema>;

/** The header carrying `sha256=<hex HMAC-SHA256 of the body with the webhook's secret>`. */
export const signatureHeader = 'x-board-signature';
export const deliveryHeader = 'x-board-delivery';
export const eventHeader = 'x-board-event';

export const createWebhookBodySchema = z.object({
  url: z
    .url({ message: 'must be a URL' })
    .max(2000)
    .refine((u) => /^https?:\/\//i.test(u), { message: 'must be an http or https URL' }),
  events: z.array(webhookEventSchema).min(1, { message: 'must name at least one event' }),
  /** JSON unless given. */
  format: webhookFormatSchema.optional(),
  /** Left out, the API makes one and answers it once. */
  secret: z.string().min(16, { message: 'must be at least 16 characters' }).max(200).optional(),
});
export type CreateWebhookBody = z.infer<typeof createWebhookBodySchema>;

/** Turning a webhook off keeps its deliveries waiting; turning it on again sends what is due. */
export const updateWebhookBodySchema = z.object({ active: z.boolean() });
export type UpdateWebhookBody = z.infer<typeof updateWebhookBodySchema>;

export const webhookSchema = z.object({
  id: idSchema,
  teamId: idSchema,
  /** A chat channel's address is its secret: only its site is shown once registered. */
  url: z.string(),
  format: webhookFormatSchema,
  events: z.array(z.string()),
  active: z.boolean(),
  disabledReason: z.string().nullable(),
  /** Deliveries that failed in a row; one that arrives sets it back to 0. */
  failuresInRow: z.number().int(),
  /** A receiver that keeps failing is paused: nothing is sent to it until then (ISO instant), its deliveries wait. */
  pausedUntil: z.string().nullable(),
  createdAt: z.string(),
});
/** The answer to registering one: the only time its secret is shown. */
export const createdWebhookSchema = webhookSchema.extend({ secret: z.string() });
export type Webhook = z.infer<typeof webhookSchema>;
export const webhookListSchema = z.object({ webhooks: z.array(webhookSchema) });
export const webhookParamsSchema = z.object({ webhookId: idSchema });
export const deliveryParamsSchema = z.object({ deliveryId: idSchema });

export const deliverySchema = z.object({
  id: idSchema,
  event: z.string(),
  status: z.enum(['PENDING', 'DELIVERED', 'GAVE_UP']),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastResponse: z.string().nullable(),
  nextAttemptAt: z.string(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export const deliveryListSchema = z.object({ deliveries: z.array(deliverySchema) });
export type WebhookDelivery = z.infer<typeof deliverySchema>;

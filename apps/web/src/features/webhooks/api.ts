import { okSchema } from '@amb/shared/common';
import { teamSchema } from '@amb/shared/teams';
import {
  createdWebhookSchema,
  deliveryListSchema,
  deliverySchema,
  webhookListSchema,
  webhookSchema,
  type CreateWebhookBody,
} from '@amb/shared/webhooks';
import { api } from '../../lib/api-client';

export const webhookKeys = {
  team: (teamId: string) => ['teams', teamId, 'webhooks'] as const,
  deliveries: (webhookId: string) => ['webhooks', webhookId, 'deliveries'] as const,
};

export const fetchTeam = (teamId: string) => api('GET', `/teams/${teamId}`, { schema: teamSchema });

export const fetchWebhooks = (teamId: string) => api('GET', `/teams/${teamId}/webhooks`, { schema: webhookListSchema });

export const registerWebhook = (teamId: string, body: CreateWebhookBody) =>
  api('POST', `/teams/${teamId}/webhooks`, { body, schema: createdWebhookSchema });

export const setWebhookActive = (webhookId: string, active: boolean) =>
  api('PATCH', `/webhooks/${webhookId}`, { body: { active }, schema: webhookSchema });

export const deleteWebhook = (webhookId: string) => api('DELETE', `/webhooks/${webhookId}`, { schema: okSchema });

export const fetchDeliveries = (webhookId: string) =>
  api('GET', `/webhooks/${webhookId}/deliveries`, { schema: deliveryListSchema });

export const resendDelivery = (deliveryId: string) =>
  api('POST', `/webhooks/deliveries/${deliveryId}/resend`, { schema: deliverySchema });

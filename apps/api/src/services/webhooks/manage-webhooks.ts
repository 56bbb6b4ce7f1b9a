import { randomBytes } from 'node:crypto';
import type { CreateWebhookBody, UpdateWebhookBody } from '@amb/shared/webhooks';
import type { Webhook, WebhookDelivery } from '../../generated/prisma/client';
import { AppError, invalidField, notFound } from '../../lib/app-error';
import { requireTeamAccess } from '../access/team-access';
import { requireRoomOnTeam } from '../teams/team-room';
import type { ServiceContext } from '../context';
import { refuseAddress } from './address-guard';

// Scrum masters and admins manage a team's webhooks, see their deliveries and send one again.

/** A chat channel's incoming-webhook address is the only credential it needs: once registered, only its site shows. */
const shownUrl = (w: Webhook) => (w.format === 'JSON' ? w.url : `${new URL(w.url).origin}/…`);

export const webhookView = (w: Webhook) => ({
  id: w.id,
  teamId: w.teamId,
  url: shownUrl(w),
  format: w.format,
  events: w.events,
  active: w.active,
  disabledReason: w.disabledReason,
  failuresInRow: w.failuresInRow,
  pausedUntil: w.pausedUntil && w.pausedUntil > new Date() ? w.pausedUntil.toISOString() : null,
  createdAt: w.createdAt.toISOString(),
});
export const deliveryView = (d: WebhookDelivery) => ({
  id: d.id,
  event: d.event,
  status: d.status,
  attempts: d.attempts,
  lastStatus: d.lastStatus,
  lastResponse: d.lastResponse,
  nextAttemptAt: d.nextAttemptAt.toISOString(),
  createdAt: d.createdAt.toISOString(),
  deliveredAt: d.deliveredAt?.toISOString() ?? null,
});

export async function createWebhook(
  ctx: ServiceContext & { allowPrivate: boolean },
  teamId: string,
  body: CreateWebhookBody,
) {
  await requireTeamAccess(ctx.db, ctx.actor, teamId, 'manage-board');
  requireRoomOnTeam('webhooks', await ctx.db.webhook.count({ where: { teamId } }));
  const refusal = await refuseAddress(body.url, ctx.allowPrivate);
  if (refusal) throw invalidField('body.url', refusal);
  // A secret the person did not choose is made here and shown once, in this answer.
  const secret = body.secret ?? randomBytes(24).toString('base64url');
  const webhook = await ctx.db.webhook.create({
    data: {
      teamId,
      url: body.url,
      format: body.format ?? 'JSON',
      events: [...new Set(body.events)],
      secret,
      createdById: ctx.actor.id,
    },
  });
  return { ...webhookView(webhook), secret };
}

export async function listWebhooks({ db, actor }: ServiceContext, teamId: string) {
  await requireTeamAccess(db, actor, teamId, 'manage-board');
  return {
    webhooks: (await db.webhook.findMany({ where: { teamId }, orderBy: { createdAt: 'asc' } })).map(webhookView),
  };
}

async function loadWebhook({ db, actor }: ServiceContext, webhookId: string) {
  const webhook = await db.webhook.findUnique({ where: { id: webhookId } });
  if (!webhook) throw notFound('Webhook');
  await requireTeamAccess(db, actor, webhook.teamId, 'manage-board', 'Webhook');
  return webhook;
}

export async function deleteWebhook(ctx: ServiceContext, webhookId: string) {
  await loadWebhook(ctx, webhookId);
  await ctx.db.webhook.delete({ where: { id: webhookId } });
  return { ok: true as const };
}

/** Turns a webhook off or on again (also one a 410 turned off, once its receiver is back); the URL is checked again. */
export async function updateWebhook(
  ctx: ServiceContext & { allowPrivate: boolean },
  webhookId: string,
  body: UpdateWebhookBody,
) {
  const webhook = await loadWebhook(ctx, webhookId);
  if (body.active) {
    const refusal = await refuseAddress(webhook.url, ctx.allowPrivate);
    if (refusal) throw invalidField('body.active', `cannot be turned on: the URL ${refusal}`);
  }
  const disabledReason = body.active ? null : webhook.active ? 'Turned off by hand' : webhook.disabledReason;
  return webhookView(
    await ctx.db.webhook.update({
      where: { id: webhookId },
      // Turned on again by hand: the receiver is tried at once, with a clean slate.
      data: { active: body.active, disabledReason, ...(body.active && { failuresInRow: 0, pausedUntil: null }) },
    }),
  );
}

export async function listDeliveries(ctx: ServiceContext, webhookId: string) {
  await loadWebhook(ctx, webhookId);
  return {
    deliveries: (
      await ctx.db.webhookDelivery.findMany({ where: { webhookId }, orderBy: { createdAt: 'desc' }, take: 100 })
    ).map(deliveryView),
  };
}

/** Queues a delivery to be sent again now (a webhook disabled by a 410 must be registered again instead). */
export async function resendDelivery(ctx: ServiceContext, deliveryId: string) {
  const delivery = await ctx.db.webhookDelivery.findUnique({ where: { id: deliveryId } });
  if (!delivery) throw notFound('Delivery');
  const webhook = await loadWebhook(ctx, delivery.webhookId);
  if (!webhook.active)
    throw new AppError('CONFLICT', `This webhook is disabled: ${webhook.disabledReason ?? 'no reason given'}`);
  // Sending again by hand also ends a pause: the person asks for the receiver to be tried now.
  const [resent] = await ctx.db.$transaction([
    ctx.db.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: 'PENDING', nextAttemptAt: new Date(), createdAt: new Date(), lockedUntil: null },
    }),
    ctx.db.webhook.update({ where: { id: webhook.id }, data: { pausedUntil: null } }),
  ]);
  return deliveryView(resent);
}

// Notifications: the kinds of things a person is told about, their inbox, their choices, and mentions in text.
import { z } from 'zod';
import { idSchema, isoDateTime } from './common';

/** Every kind of notification, in the order the preferences list them. */
export const notificationKinds = [
  'mentioned',
  'comment.added',
  'owner.added',
  'card.blocked',
  'card.unblocked',
  'card.done',
  'card.archived',
  'due.tomorrow',
  'due.today',
  'due.passed',
  'obstacle.handling',
  'obstacle.escalated',
  'sprint.started',
  'sprint.closed',
  'retrospective.opened',
  'approval.requested',
  'approval.decided',
  'invitation.accepted',
  'import.finished',
  'import.failed',
] as const;
export const notificationKindSchema = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationDeliveries = ['APP', 'EMAIL', 'DIGEST'] as const;
export const notificationDeliverySchema = z.enum(notificationDeliveries);
export type NotificationDelivery = z.infer<typeof notificationDeliverySchema>;

/**
 * Mentions and requests to approve go out by e-mail at once unless the person says otherwise (someone waits on
 * them); due dates wait for the digest; everything else stays in the app.
 */
export function defaultDelivery(kind: NotificationKind): NotificationDelivery {
  return kind === 'mentioned' || kind === 'approval.requested' ? 'EMAIL' : kind.startsWith('due.') ? 'DIGEST' : 'APP';
}

/** What a kind is called on the preferences page. */
export const notificationKindLabels: Record<NotificationKind, string> = {
  mentioned: 'Someone mentions me',
  'comment.added': 'A comment on a card I watch',
  'owner.added': 'I am made an owner of a card',
  'card.blocked': 'A card I own is blocked',
  'card.unblocked': 'A card I own is unblocked',
  'card.done': 'A card I own is done',
  'card.archived': 'A card I own is archived',
  'due.tomorrow': 'A card I own is due tomorrow',
  'due.today': 'A card I own is due today',
  'due.passed': 'A card I own is past its due date',
  'obstacle.handling': 'The PMO handles an obstacle of my team',
  'obstacle.escalated': 'An obstacle is escalated to the PMO (PMO staff)',
  'sprint.started': 'My team starts a sprint',
  'sprint.closed': 'My team closes a sprint',
  'retrospective.opened': 'My team opens a retrospective',
  'approval.requested': 'Someone asks me to approve a card or a file',
  'approval.decided': 'Someone decides on an approval I asked for',
  'invitation.accepted': 'Someone accepts my invitation',
  'import.finished': 'My import is finished',
  'import.failed': 'My import failed',
};

/** Data some kinds carry beside the names read when shown. */
export const notificationDataSchema = z
  .object({
    note: z.string().optional(),
    sprintName: z.string().optional(),
    /** The day a card is due (YYYY-MM-DD). */
    dueDay: z.string().optional(),
    /** Where a mention was written. */
    where: z.enum(['comment', 'description', 'retrospective']).optional(),
    excerpt: z.string().optional(),
    personName: z.string().optional(),
    /** What an approver decided, and the file asked about (when it is a file's version). */
    decision: z.enum(['APPROVED', 'CHANGES_REQUESTED']).optional(),
    fileName: z.string().optional(),
  })
  .nullable();

export const notificationSchema = z.object({
  id: z.string(),
  kind: notificationKindSchema,
  teamId: idSchema.nullable(),
  cardId: idSchema.nullable(),
  /** The card's current title; null for notifications about no card (or a card no longer there). */
  cardTitle: z.string().nullable(),
  /** Who did it, by their current name; null for reminders and the system's own work. */
  actorName: z.string().nullable(),
  /** One sentence saying what happened, without the card's title (the list groups by card). */
  text: z.string(),
  /** Where to open it in the web app. */
  link: z.string().nullable(),
  createdAt: isoDateTime,
  read: z.boolean(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const inboxSchema = z.object({ notifications: z.array(notificationSchema), unread: z.number().int().min(0) });
export type Inbox = z.infer<typeof inboxSchema>;
export const unreadCountSchema = z.object({ unread: z.number().int().min(0) });
export const notificationParamsSchema = z.object({
  notificationId: z.string().regex(/^\d{1,18}$/, { message: 'must be a notification id' }),
});
export const inboxQuerySchema = z.object({ unreadOnly: z.enum(['true', 'false']).optional() });

export const watchersSchema = z.object({
  watchers: z.array(z.object({ id: idSchema, name: z.string() })),
  watching: z.boolean(),
});
export type Watchers = z.infer<typeof watchersSchema>;

export const preferencesSchema = z.object({
  kinds: z.array(z.object({ kind: notificationKindSchema, delivery: notificationDeliverySchema })),
  /** IANA time zone; null: the person's first team's. */
  timeZone: z.string().nullable(),
  /** The zone used when `timeZone` is null. */
  defaultTimeZone: z.string(),
  digestHour: z.number().int().min(0).max(23),
  pausedUntil: isoDateTime.nullable(),
});
export type Preferences = z.infer<typeof preferencesSchema>;

const timeZoneSchema = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not a time zone' },
);
export const updatePreferencesBodySchema = z.object({
  kinds: z
    .array(z.object({ kind: notificationKindSchema, delivery: notificationDeliverySchema }))
    .max(notificationKinds.length)
    .optional(),
  timeZone: timeZoneSchema.nullable().optional(),
  digestHour: z.number().int().min(0).max(23).optional(),
  pausedUntil: isoDateTime.nullable().optional(),
});
export type UpdatePreferencesBody = z.infer<typeof updatePreferencesBodySchema>;

// ---------- mentions ----------

/**
 * A mention as stored in text: `@[<person id>]`. Text keeps the reference, not the name, so a renamed person shows
 * their new name wherever the text is shown.
 */
const mentionPattern = /@\[([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\]/g;

export const mentionToken = (userId: string) => `@[${userId}]`;

/** The people a text mentions, each once, in order. */
export function mentionedIds(text: string | null | undefined): string[] {
  if (!text) return [];
  return [...new Set([...text.matchAll(mentionPattern)].map((m) => m[1]!))];
}

/** The text split into plain parts and mentions, for showing it with current names. */
export function splitMentions(text: string): ({ text: string } | { userId: string })[] {
  const parts: ({ text: string } | { userId: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(mentionPattern)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ userId: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** The text with each mention written as `@Name` (unknown people as `@someone`), for mail and excerpts. */
export function mentionsAsNames(text: string, names: ReadonlyMap<string, string>): string {
  return text.replace(mentionPattern, (_m, id: string) => `@${names.get(id) ?? 'someone'}`);
}

export const mentionCandidatesQuerySchema = z.object({ q: z.string().max(100).optional() });
export const mentionCandidatesSchema = z.object({ people: z.array(z.object({ id: idSchema, name: z.string() })) });
export type MentionCandidates = z.infer<typeof mentionCandidatesSchema>;

/**
 * The people a write newly mentions who will not be told, because they cannot read what was written (or are no one
 * at all): the references as written, in order, so the writer can be warned. Only what the writer sent comes back,
 * never a name, so it says nothing about anyone the writer cannot see.
 */
export const unreachedMentionsSchema = z.array(idSchema);

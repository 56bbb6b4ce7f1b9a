// The activity log's contract: every kind of entry, and for each the shape of its `field`, `from` and `to`.
// Charts (burndown, cumulative flow, cycle time), the stand-up view, card history and live updates read them, so
// an entry carries what they need without joining today's state: a move names the columns' flow categories, an
// estimate change its points, a sprint change both sprints.
//
// Adding a kind is one entry in `activityDefinitions` below: its name, and its payload made with `payload()`.
import { z } from 'zod';
import { blockerCategorySchema } from './obstacles';
import { flowCategories } from './boards';

const id = z.string().min(1);
const calendarFeed = z.strictObject({ feedId: id, userId: id, teamId: id.nullable(), name: z.string() });
const flowCategory = z.enum(flowCategories);
const teamRole = z.enum(['SCRUM_MASTER', 'PRODUCT_OWNER', 'MEMBER', 'VIEWER']);
const orgRole = z.enum(['NONE', 'PMO', 'ADMIN']);
const wipPolicy = z.enum(['SOFT', 'HARD']);
const linkKind = z.enum(['DEPENDS_ON', 'BLOCKS', 'RELATES']);
const points = z.number().int().min(0).nullable();
const isoDateTime = z.iso.datetime({ offset: true });
const retrospectiveGroup = z.enum(['WENT_WELL', 'TO_IMPROVE', 'ACTION']);

export { blockerCategories, blockerCategorySchema, type BlockerCategory } from './obstacles';

/** Where a card is: its column, that column's flow category at that moment, and its swimlane. */
export const cardPlaceSchema = z.strictObject({ columnId: id, swimlaneId: id.nullable(), flowCategory });
export type CardPlace = z.infer<typeof cardPlaceSchema>;

const blocker = z.strictObject({ reason: z.string().nullable(), category: blockerCategorySchema.nullable() });
const pmoHandling = z.strictObject({ handlerId: id, note: z.string() });
const sprintRef = z.strictObject({ sprintId: id.nullable() });
const coverRef = z.strictObject({ attachmentId: id, name: z.string() }).nullable();
const sprintCard = z.strictObject({ cardId: id, points });
const member = z.strictObject({ userId: id, role: teamRole });
/** Rows from before the log was typed did not say the role a removed member had. */
const formerMember = z.strictObject({ userId: id, role: teamRole.nullable() });
const wipPlace = z.strictObject({
  scope: z.enum(['column', 'swimlane']),
  id,
  name: z.string(),
  limit: z.number().int(),
  count: z.number().int(),
});
const link = z.strictObject({ linkId: id.optional(), linkKind, fromCardId: id, toCardId: id });
const columnFields = z.strictObject({
  name: z.string().optional(),
  position: z.number().int().optional(),
  wipLimit: z.number().int().nullable().optional(),
  wipPolicy: wipPolicy.optional(),
  flowCategory: flowCategory.optional(),
  /** Days before the stand-up lists a card in the column as aging. */
  agingDays: z.number().int().optional(),
  /** Whether a card leaves the column only once approved. */
  requiresApproval: z.boolean().optional(),
});
const swimlaneFields = columnFields.omit({ flowCategory: true, agingDays: true, requiresApproval: true });
const sprintFields = z.strictObject({
  name: z.string().optional(),
  goal: z.string().optional(),
  startDate: isoDateTime.optional(),
  endDate: isoDateTime.optional(),
  capacityPoints: points.optional(),
  /** Each person's days off in the sprint. */
  availability: z.array(z.strictObject({ userId: id, daysOff: z.number().int().min(0) })).optional(),
});
const invitation = z.strictObject({
  invitationId: id,
  email: z.string(),
  orgRole: orgRole.optional(),
  teamId: id.nullable().optional(),
  role: teamRole.nullable().optional(),
});
const signUpPolicy = z.strictObject({
  signUpPolicy: z.enum(['OPEN', 'INVITATION_ONLY', 'DOMAINS']),
  allowedDomains: z.array(z.string()),
});
const personLimit = z.strictObject({ userId: id, wipLimit: z.number().int().nullable(), wipPolicy });
const portfolioStage = z.strictObject({ stageId: id, name: z.string(), position: z.number().int(), flowCategory });
const columnStage = z.strictObject({ columnId: id, stageId: id.nullable() });
/** A retrospective note's fields an edit may change. */
const noteFields = z.strictObject({
  text: z.string().optional(),
  group: retrospectiveGroup.optional(),
  principleId: id.nullable().optional(),
});
const campaignRef = z.strictObject({ campaignId: id, name: z.string() });
/** A campaign's fields as created, or those an edit changed (decision 75). */
const campaignFields = z.strictObject({
  campaignId: id,
  name: z.string().optional(),
  goal: z.string().optional(),
  startDate: z.iso.date().optional(),
  endDate: z.iso.date().optional(),
  ownerId: id.nullable().optional(),
  colour: z.string().optional(),
  status: z.enum(['PLANNED', 'RUNNING', 'DONE']).optional(),
});
const principleFields = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  position: z.number().int().optional(),
  archived: z.boolean().optional(),
});

/** The card fields whose edits are logged as `card.updated`; estimate, sprint and blocking have kinds of their own. */
export const cardUpdatedFields = [
  'title',
  'description',
  'type',
  'labels',
  'startDate',
  'dueDate',
  'hypothesis',
  'metric',
  'experimentResult',
  'ownerIds',
  'principleIds',
] as const;
const fieldValue = z.union([z.string(), z.array(z.string()), z.null()]);

const nothing = z.null().default(null);
type Nothing = typeof nothing;

/** An entry's payload: `field`, `from` and `to`; each is null unless given a schema. */
function payload<F extends z.ZodType = Nothing, A extends z.ZodType = Nothing, B extends z.ZodType = Nothing>(p: {
  field?: F;
  from?: A;
  to?: B;
}) {
  return z.strictObject({
    field: (p.field ?? nothing) as F,
    from: (p.from ?? nothing) as A,
    to: (p.to ?? nothing) as B,
  });
}

/** Every kind of entry: the name code uses, the kind stored, and its payload. */
const activityDefinitions = {
  // cards
  cardCreated: ['card.created', payload({ to: z.strictObject({ ...cardPlaceSchema.shape, title: z.string() }) })],
  /** The card changed column or swimlane. */
  cardMoved: ['card.moved', payload({ from: cardPlaceSchema, to: cardPlaceSchema })],
  /** The card moved up or down within its place. */
  cardReordered: [
    'card.reordered',
    payload({ from: z.strictObject({ rank: z.string() }), to: z.strictObject({ rank: z.string() }) }),
  ],
  cardUpdated: ['card.updated', payload({ field: z.enum(cardUpdatedFields), from: fieldValue, to: fieldValue })],
  cardEstimateChanged: [
    'card.estimate.changed',
    payload({ from: z.strictObject({ points }), to: z.strictObject({ points }) }),
  ],
  /** Stored under the new sprint (`sprintId`), naming the old one in `from`: the old sprint sees a removal, the new one an addition. */
  cardSprintChanged: ['card.sprint.changed', payload({ from: sprintRef, to: sprintRef })],
  /** The card joined a campaign, left one (null), or moved from one to another; names as they were then. */
  cardCampaignChanged: ['card.campaign.changed', payload({ from: campaignRef.nullable(), to: campaignRef.nullable() })],
  /** The card's place in its team's backlog: right after another card, or (null) at the top. */
  cardBacklogRanked: ['card.backlog.ranked', payload({ to: z.strictObject({ afterCardId: id.nullable() }) })],
  cardBlocked: ['card.blocked', payload({ to: blocker })],
  cardUnblocked: ['card.unblocked', payload({ from: blocker })],
  /** The obstacle needs help from outside the team: the card goes on the PMO's obstacle list, with the blocker as it stood. */
  cardEscalated: ['card.escalated', payload({ to: blocker })],
  /** The card left the PMO's obstacle list. */
  cardEscalationCleared: ['card.escalation.cleared', payload({})],
  /** The PMO took the escalated obstacle on: who handles it, and their note for the team. */
  cardEscalationHandling: ['card.escalation.handling', payload({ to: pmoHandling })],
  /** The PMO says the obstacle is cleared on its side, with a note for the team; the team unblocks the card. */
  cardEscalationResolved: ['card.escalation.resolved', payload({ to: pmoHandling })],
  /** Off the board, from the place (and flow category) it was in. */
  cardArchived: ['card.archived', payload({ from: cardPlaceSchema })],
  cardRestored: ['card.restored', payload({ to: cardPlaceSchema })],
  commentAdded: ['comment.added', payload({ to: z.strictObject({ commentId: id }) })],
  /** A file was attached to the card (its first version). */
  attachmentAdded: [
    'attachment.added',
    payload({ to: z.strictObject({ attachmentId: id, versionId: id, name: z.string(), size: z.number().int() }) }),
  ],
  /** A new version of an attachment: the card shows it from now on; earlier ones stay downloadable. */
  attachmentVersionAdded: [
    'attachment.version.added',
    payload({
      to: z.strictObject({
        attachmentId: id,
        versionId: id,
        number: z.number().int(),
        name: z.string(),
        size: z.number().int(),
      }),
    }),
  ],
  attachmentRenamed: [
    'attachment.renamed',
    payload({
      from: z.strictObject({ attachmentId: id, name: z.string() }),
      to: z.strictObject({ attachmentId: id, name: z.string() }),
    }),
  ],
  /** The card (or an attachment's version) was sent to named people for approval. */
  approvalRequested: [
    'approval.requested',
    payload({
      to: z.strictObject({
        approvalId: id,
        approverIds: z.array(id),
        attachmentId: id.nullable(),
        versionNumber: z.number().int().nullable(),
      }),
    }),
  ],
  /** One approver approved or asked for changes. */
  approvalDecided: [
    'approval.decided',
    payload({
      to: z.strictObject({
        approvalId: id,
        decision: z.enum(['APPROVED', 'CHANGES_REQUESTED']),
        comment: z.string(),
      }),
    }),
  ],
  /** A new version of the attachment under approval: every decision is pending again. */
  approvalReset: [
    'approval.reset',
    payload({ to: z.strictObject({ approvalId: id, versionNumber: z.number().int() }) }),
  ],
  /** The card's cover: one of its image attachments, or none (null) on either side. */
  cardCoverChanged: ['card.cover.changed', payload({ from: coverRef, to: coverRef })],
  /** The attachment and all its versions were deleted. */
  attachmentRemoved: ['attachment.removed', payload({ from: z.strictObject({ attachmentId: id, name: z.string() }) })],
  checklistAdded: [
    'checklist.added',
    payload({ to: z.strictObject({ checklistId: id.optional(), title: z.string() }) }),
  ],
  checklistRemoved: [
    'checklist.removed',
    payload({ from: z.strictObject({ checklistId: id.optional(), title: z.string() }) }),
  ],
  checklistItemAdded: [
    'checklist.item.added',
    payload({ to: z.strictObject({ itemId: id.optional(), text: z.string() }) }),
  ],
  checklistItemUpdated: [
    'checklist.item.updated',
    payload({
      from: z.strictObject({ itemId: id.optional(), text: z.string(), done: z.boolean() }),
      to: z.strictObject({ itemId: id.optional(), text: z.string(), done: z.boolean() }),
    }),
  ],
  checklistItemRemoved: [
    'checklist.item.removed',
    payload({ from: z.strictObject({ itemId: id.optional(), text: z.string() }) }),
  ],
  linkAdded: ['link.added', payload({ to: link })],
  linkRemoved: ['link.removed', payload({ from: link })],
  // WIP limits
  wipBreachStarted: ['wip.breach.started', payload({ to: wipPlace })],
  wipBreachEnded: ['wip.breach.ended', payload({ to: wipPlace })],
  // board layout
  columnCreated: ['column.created', payload({ to: columnFields.extend({ columnId: id, name: z.string() }) })],
  columnUpdated: [
    'column.updated',
    payload({ from: columnFields.extend({ columnId: id }), to: columnFields.extend({ columnId: id }) }),
  ],
  columnDeleted: ['column.deleted', payload({ from: z.strictObject({ columnId: id, name: z.string() }) })],
  /** A column's ranks were re-spread because they grew long; order is unchanged, clients reload. */
  columnReranked: ['column.reranked', payload({ to: z.strictObject({ columnId: id }) })],
  swimlaneCreated: ['swimlane.created', payload({ to: swimlaneFields.extend({ swimlaneId: id, name: z.string() }) })],
  swimlaneUpdated: [
    'swimlane.updated',
    payload({ from: swimlaneFields.extend({ swimlaneId: id }), to: swimlaneFields.extend({ swimlaneId: id }) }),
  ],
  swimlaneDeleted: ['swimlane.deleted', payload({ from: z.strictObject({ swimlaneId: id, name: z.string() }) })],
  // sprints
  sprintCreated: ['sprint.created', payload({ to: sprintFields.extend({ name: z.string() }) })],
  /** `field` names the fields that changed, comma-separated. */
  sprintUpdated: ['sprint.updated', payload({ field: z.string().nullable(), from: sprintFields, to: sprintFields })],
  /** The scope committed at the start: each card with its points, and their sum. */
  sprintStarted: [
    'sprint.started',
    payload({ to: z.strictObject({ committed: z.array(sprintCard), points: z.number().int().min(0) }) }),
  ],
  sprintClosed: [
    'sprint.closed',
    payload({
      to: z.strictObject({
        done: z.array(sprintCard),
        notDone: z.array(sprintCard),
        donePoints: z.number().int().min(0),
        notDonePoints: z.number().int().min(0),
        goalMet: z.boolean().nullable(),
        /** The sprint the unfinished cards went to; null when they went back to the backlog. */
        carriedOverTo: id.nullable(),
      }),
    }),
  ],
  // retrospectives (stored under the sprint, and under the team's first board so its live stream carries them)
  retrospectiveOpened: [
    'retrospective.opened',
    payload({ to: z.strictObject({ retrospectiveId: id, votesPerPerson: z.number().int() }) }),
  ],
  retrospectiveClosed: ['retrospective.closed', payload({ to: z.strictObject({ retrospectiveId: id }) })],
  retrospectiveAllowanceChanged: [
    'retrospective.allowance.changed',
    payload({
      from: z.strictObject({ votesPerPerson: z.number().int() }),
      to: z.strictObject({ votesPerPerson: z.number().int() }),
    }),
  ],
  retrospectiveNoteAdded: [
    'retrospective.note.added',
    payload({
      to: z.strictObject({
        retrospectiveId: id,
        noteId: id,
        group: retrospectiveGroup,
        text: z.string(),
        principleId: id.nullable(),
      }),
    }),
  ],
  /** Only the fields that changed, before and after. */
  retrospectiveNoteEdited: [
    'retrospective.note.edited',
    payload({ from: noteFields.extend({ noteId: id }), to: noteFields.extend({ retrospectiveId: id, noteId: id }) }),
  ],
  /** The note as it was, with the dots each person had on it: they went back to those people. */
  retrospectiveNoteDeleted: [
    'retrospective.note.deleted',
    payload({
      from: z.strictObject({
        retrospectiveId: id,
        noteId: id,
        group: retrospectiveGroup,
        text: z.string(),
        principleId: id.nullable(),
        authorId: id.nullable(),
        votes: z.array(z.strictObject({ userId: id, dots: z.number().int().min(1) })),
      }),
    }),
  ],
  /** A person's dots on one note, before and after. */
  retrospectiveVoted: [
    'retrospective.voted',
    payload({
      from: z.strictObject({ dots: z.number().int().min(0) }),
      to: z.strictObject({ retrospectiveId: id, noteId: id, dots: z.number().int().min(0) }),
    }),
  ],
  /** An action became a backlog card (the entry's card). */
  retrospectiveActionConverted: [
    'retrospective.action.converted',
    payload({ to: z.strictObject({ retrospectiveId: id, noteId: id, text: z.string() }) }),
  ],
  // teams and people
  /** `template`: the board template the team started from, when one was chosen. */
  teamCreated: [
    'team.created',
    payload({ to: z.strictObject({ name: z.string(), template: z.string().nullable().optional() }) }),
  ],
  teamRenamed: [
    'team.renamed',
    payload({ from: z.strictObject({ name: z.string() }), to: z.strictObject({ name: z.string() }) }),
  ],
  teamTimeZoneChanged: [
    'team.time-zone.changed',
    payload({ from: z.strictObject({ timeZone: z.string() }), to: z.strictObject({ timeZone: z.string() }) }),
  ],
  teamStandupTimeChanged: [
    'team.standup-time.changed',
    payload({ from: z.strictObject({ standupTime: z.string() }), to: z.strictObject({ standupTime: z.string() }) }),
  ],
  teamArchived: ['team.archived', payload({ from: z.strictObject({ name: z.string() }) })],
  memberAdded: ['team.member.added', payload({ to: member })],
  memberRoleChanged: ['team.member.role.changed', payload({ from: member, to: member })],
  memberRemoved: ['team.member.removed', payload({ from: formerMember })],
  /** A person's own WIP limit, across every board. */
  personWipLimitChanged: ['user.wip-limit.changed', payload({ from: personLimit, to: personLimit })],
  orgRoleChanged: [
    'user.org-role.changed',
    payload({ from: z.strictObject({ userId: id, orgRole }), to: z.strictObject({ userId: id, orgRole }) }),
  ],
  personDeactivated: ['user.deactivated', payload({ to: z.strictObject({ userId: id }) })],
  personReactivated: ['user.reactivated', payload({ to: z.strictObject({ userId: id }) })],
  invitationCreated: ['invitation.created', payload({ to: invitation })],
  invitationAccepted: ['invitation.accepted', payload({ to: z.strictObject({ invitationId: id, userId: id }) })],
  invitationRevoked: ['invitation.revoked', payload({ from: invitation })],
  // personal access tokens (their secret never appears here)
  apiTokenCreated: [
    'api-token.created',
    payload({
      to: z.strictObject({ tokenId: id, userId: id, name: z.string(), canWrite: z.boolean(), expiresAt: z.string() }),
    }),
  ],
  apiTokenRevoked: [
    'api-token.revoked',
    payload({ from: z.strictObject({ tokenId: id, userId: id, name: z.string() }) }),
  ],
  // calendar feeds (their secret never appears here); teamId null: "my cards"
  calendarFeedCreated: ['calendar-feed.created', payload({ to: calendarFeed })],
  calendarFeedRenewed: ['calendar-feed.renewed', payload({ to: calendarFeed })],
  calendarFeedRevoked: ['calendar-feed.revoked', payload({ from: calendarFeed })],
  // the organisation's settings
  signUpPolicyChanged: ['settings.sign-up-policy.changed', payload({ from: signUpPolicy, to: signUpPolicy })],
  // the organisation's principles
  principleCreated: [
    'principle.created',
    payload({ to: z.strictObject({ principleId: id, key: z.string(), name: z.string() }) }),
  ],
  principleUpdated: [
    'principle.updated',
    payload({ from: principleFields.extend({ principleId: id }), to: principleFields.extend({ principleId: id }) }),
  ],
  // the organisation's campaigns (decision 75); a deleted one names how many cards it let go
  campaignCreated: ['campaign.created', payload({ to: campaignFields })],
  campaignUpdated: ['campaign.updated', payload({ from: campaignFields, to: campaignFields })],
  campaignDeleted: ['campaign.deleted', payload({ from: campaignRef.extend({ cards: z.number().int().min(0) }) })],
  // the organisation's portfolio stages (decision 37)
  portfolioStageCreated: ['portfolio.stage.created', payload({ to: portfolioStage })],
  portfolioStageRenamed: [
    'portfolio.stage.renamed',
    payload({
      from: z.strictObject({ stageId: id, name: z.string() }),
      to: z.strictObject({ stageId: id, name: z.string() }),
    }),
  ],
  portfolioStagesReordered: [
    'portfolio.stages.reordered',
    payload({ from: z.strictObject({ stageIds: z.array(id) }), to: z.strictObject({ stageIds: z.array(id) }) }),
  ],
  /** `columnIds`: the columns that were mapped onto it and went back to their flow category's first stage. */
  portfolioStageRemoved: [
    'portfolio.stage.removed',
    payload({ from: portfolioStage.extend({ columnIds: z.array(id) }) }),
  ],
  /** A column mapped onto a stage; null for its flow category's first stage. Stored under the column's team. */
  portfolioColumnMapped: ['portfolio.column.mapped', payload({ from: columnStage, to: columnStage })],
  /** A row from before the log was typed whose meaning could not be recovered; `field` holds its old kind. */
  legacyEntry: ['legacy.entry', payload({ field: z.string(), from: z.unknown(), to: z.unknown() })],
} as const;

type Definitions = typeof activityDefinitions;
export type ActivityKind = Definitions[keyof Definitions][0];

/** Kind names for code: `activityKinds.cardMoved` is `'card.moved'`. */
export const activityKinds = Object.fromEntries(
  Object.entries(activityDefinitions).map(([name, [kind]]) => [name, kind]),
) as {
  [N in keyof Definitions]: Definitions[N][0];
};

type PayloadOf<K extends ActivityKind> = Extract<Definitions[keyof Definitions], readonly [K, z.ZodType]>[1];

/** The payload schema of each kind. */
export const activityPayloadSchemas = Object.fromEntries(
  Object.values(activityDefinitions).map(([kind, schema]) => [kind, schema]),
) as {
  [K in ActivityKind]: PayloadOf<K>;
};

export const activityKindList = Object.keys(activityPayloadSchemas) as ActivityKind[];
export const activityKindSchema = z.enum(activityKindList as [ActivityKind, ...ActivityKind[]]);

/** What a writer passes for an entry of kind K (field/from/to may be left out where they are null). */
export type ActivityPayloadInput<K extends ActivityKind> = { kind: K } & z.input<PayloadOf<K>>;
/** An entry as stored and read back: the kind with its parsed payload. */
export type ActivityPayload<K extends ActivityKind = ActivityKind> = K extends ActivityKind
  ? { kind: K } & z.output<PayloadOf<K>>
  : never;
/** Any entry a writer can record: a union over every kind, so a kind outside the list does not compile. */
export type AnyActivityPayloadInput = { [K in ActivityKind]: ActivityPayloadInput<K> }[ActivityKind];

/** Checks an entry's payload against its kind; throws a ZodError naming what is wrong. */
export function parseActivityPayload<K extends ActivityKind>(entry: {
  kind: K;
  field?: unknown;
  from?: unknown;
  to?: unknown;
}): ActivityPayload<K> {
  const schema = activityPayloadSchemas[entry.kind] as z.ZodType;
  if (!schema) throw new Error(`Unknown activity kind ${entry.kind}`);
  const parsed = schema.parse({ field: entry.field ?? null, from: entry.from ?? null, to: entry.to ?? null }) as object;
  return { kind: entry.kind, ...parsed } as ActivityPayload<K>;
}

/** Like parseActivityPayload, without throwing: null when the entry does not match its kind. */
export function readActivityPayload(entry: {
  kind: string;
  field?: unknown;
  from?: unknown;
  to?: unknown;
}): ActivityPayload | null {
  if (!(entry.kind in activityPayloadSchemas)) return null;
  const result = (activityPayloadSchemas[entry.kind as ActivityKind] as z.ZodType).safeParse({
    field: entry.field ?? null,
    from: entry.from ?? null,
    to: entry.to ?? null,
  });
  return result.success ? ({ kind: entry.kind, ...(result.data as object) } as ActivityPayload) : null;
}

/** Kinds after which a board's columns or swimlanes changed, so a client reloads the whole board. */
export const boardLayoutKinds: readonly string[] = [
  activityKinds.columnCreated,
  activityKinds.columnUpdated,
  activityKinds.columnDeleted,
  activityKinds.columnReranked,
  activityKinds.swimlaneCreated,
  activityKinds.swimlaneUpdated,
  activityKinds.swimlaneDeleted,
];

/** Kinds a retrospective's screen refreshes on. */
export const retrospectiveKinds: readonly string[] = activityKindList.filter((k) => k.startsWith('retrospective.'));

/** Kinds that touch a card: one of these on a board means that card changed. */
export const cardKinds: readonly ActivityKind[] = activityKindList.filter((k) =>
  /^(card|comment|checklist|link|attachment|approval)\./.test(k),
);

/** Kinds the admins' audit page lists. */
export const adminActivityKinds: readonly ActivityKind[] = [
  activityKinds.teamCreated,
  activityKinds.teamRenamed,
  activityKinds.teamTimeZoneChanged,
  activityKinds.teamArchived,
  activityKinds.memberAdded,
  activityKinds.memberRoleChanged,
  activityKinds.memberRemoved,
  activityKinds.orgRoleChanged,
  activityKinds.personDeactivated,
  activityKinds.personReactivated,
  activityKinds.invitationCreated,
  activityKinds.invitationAccepted,
  activityKinds.invitationRevoked,
  activityKinds.apiTokenCreated,
  activityKinds.apiTokenRevoked,
  activityKinds.calendarFeedCreated,
  activityKinds.calendarFeedRenewed,
  activityKinds.calendarFeedRevoked,
  activityKinds.signUpPolicyChanged,
  activityKinds.portfolioStageCreated,
  activityKinds.portfolioStageRenamed,
  activityKinds.portfolioStagesReordered,
  activityKinds.portfolioStageRemoved,
  activityKinds.portfolioColumnMapped,
];

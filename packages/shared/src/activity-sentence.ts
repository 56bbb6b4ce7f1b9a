// An activity entry as a sentence a person reads: "Sam moved this from In progress to Review". The card panel's
// history uses it, and the stand-up view will. Names come from a lookup, so no id ever reaches the reader.
import { activityKinds, readActivityPayload, type ActivityPayload, type BlockerCategory } from './activity';
import type { FlowCategory } from '@amb/domain/flow-categories';
import { flowCategoryNames } from './flow-category-names';

/** Finds the name of a person, column, swimlane, sprint, card, team or principle by its id. */
export type NameLookup = (id: string) => string | undefined;

export interface SentenceOptions {
  /** How the card is called: "this" in its own panel, its title elsewhere. */
  card?: string;
  /** Formats a date (due dates, sprint dates); ISO day by default. */
  formatDate?: (iso: string) => string;
}

export const blockerCategoryLabels: Record<BlockerCategory, string> = {
  legal_compliance: 'legal and compliance',
  creative_approval: 'creative approval',
  vendor: 'vendor',
  data: 'data',
  other_team: 'another team',
  other: 'other',
};

/** A flow category's name inside a sentence: "the first to do stage". */
const flowLabels = Object.fromEntries(
  Object.entries(flowCategoryNames).map(([category, name]) => [category, name.toLowerCase()]),
) as Record<FlowCategory, string>;
const roleLabels = {
  SCRUM_MASTER: 'scrum master',
  PRODUCT_OWNER: 'product owner',
  MEMBER: 'member',
  VIEWER: 'viewer',
} as const;
const orgRoleLabels = { NONE: 'no organisation role', PMO: 'PMO', ADMIN: 'admin' } as const;
const linkLabels = { DEPENDS_ON: 'depends on', BLOCKS: 'blocks', RELATES: 'relates to' } as const;
const groupLabels = { WENT_WELL: 'went well', TO_IMPROVE: 'to improve', ACTION: 'action' } as const;
const resultLabels = { VALIDATED: 'validated', INVALIDATED: 'invalidated', INCONCLUSIVE: 'inconclusive' } as const;

const quote = (text: string, max = 80) => `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;
const points = (p: number | null) => (p === null ? 'no estimate' : `${p} pt`);
const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** What the actor did, without the actor: "moved this from In progress to Review". */
export function describeActivity(
  entry: { kind: string; field?: unknown; from?: unknown; to?: unknown; cardId?: string | null },
  names: NameLookup,
  options: SentenceOptions = {},
): string {
  const e = readActivityPayload(entry);
  if (!e) return 'made a change';
  const card = options.card ?? 'this';
  const name = (id: string | null | undefined, fallback: string) => (id ? (names(id) ?? fallback) : fallback);
  const column = (id: string) => name(id, 'a removed column');
  const sprint = (id: string | null) => name(id, 'a sprint');
  const person = (id: string) => name(id, 'someone');
  const date = options.formatDate ?? ((iso: string) => iso.slice(0, 10));
  return sentence(e, { card, column, sprint, person, name, date, cardId: entry.cardId ?? null });
}

interface Words {
  card: string;
  cardId: string | null;
  column: (id: string) => string;
  sprint: (id: string | null) => string;
  person: (id: string) => string;
  name: (id: string | null | undefined, fallback: string) => string;
  date: (iso: string) => string;
}

const signUpPolicyLabels = { OPEN: 'anyone', INVITATION_ONLY: 'invitation only', DOMAINS: 'listed domains' } as const;

function sentence(e: ActivityPayload, w: Words): string {
  const { card } = w;
  switch (e.kind) {
    case activityKinds.cardCreated:
      return `created ${card} in ${w.column(e.to.columnId)}`;
    case activityKinds.cardMoved:
      if (e.from.columnId === e.to.columnId) {
        const lane = (id: string | null) => (id ? w.name(id, 'a removed swimlane') : 'no swimlane');
        return `moved ${card} from ${lane(e.from.swimlaneId)} to ${lane(e.to.swimlaneId)}`;
      }
      return `moved ${card} from ${w.column(e.from.columnId)} to ${w.column(e.to.columnId)}`;
    case activityKinds.cardReordered:
      return `reordered ${card} within its column`;
    case activityKinds.cardBacklogRanked:
      return `reprioritised ${card} in the backlog`;
    case activityKinds.cardUpdated:
      return fieldSentence(e, w);
    case activityKinds.cardEstimateChanged:
      if (e.from.points === null) return `estimated ${card} at ${points(e.to.points)}`;
      if (e.to.points === null) return `removed the estimate (was ${points(e.from.points)})`;
      return `changed the estimate ${e.from.points} → ${points(e.to.points)}`;
    case activityKinds.cardSprintChanged:
      if (!e.from.sprintId) return `added ${card} to ${w.sprint(e.to.sprintId)}`;
      if (!e.to.sprintId) return `took ${card} out of ${w.sprint(e.from.sprintId)}`;
      return `moved ${card === 'this' ? 'it' : card} from ${w.sprint(e.from.sprintId)} to ${w.sprint(e.to.sprintId)}`;
    case activityKinds.cardCampaignChanged:
      if (!e.from) return e.to ? `added ${card} to the campaign ${quote(e.to.name)}` : `changed ${card}`;
      if (!e.to) return `removed ${card} from the campaign ${quote(e.from.name)}`;
      return `moved ${card === 'this' ? 'it' : card} from the campaign ${quote(e.from.name)} to ${quote(e.to.name)}`;
    case activityKinds.cardBlocked:
      // "…from Web Development (another team)", without the reason's own full stop before the category.
      return `marked ${card} blocked: ${e.to.category && e.to.reason ? e.to.reason.replace(/\.\s*$/, '') : (e.to.reason ?? 'no reason given')}${e.to.category ? ` (${blockerCategoryLabels[e.to.category]})` : ''}`;
    case activityKinds.cardUnblocked:
      return `cleared the obstacle on ${card}${e.from.reason ? `: ${e.from.reason}` : ''}`;
    case activityKinds.cardEscalated:
      return `escalated the obstacle on ${card} to the PMO${e.to.reason ? `: ${e.to.reason}` : ''}`;
    case activityKinds.cardEscalationCleared:
      return `took ${card} off the PMO’s obstacle list`;
    case activityKinds.cardEscalationHandling:
      return `took on the obstacle on ${card} for the PMO: ${quote(e.to.note, 200)}`;
    case activityKinds.cardEscalationResolved:
      return `marked the obstacle on ${card} cleared for the PMO: ${quote(e.to.note, 200)}`;
    case activityKinds.cardArchived:
      return `archived ${card} from ${w.column(e.from.columnId)}`;
    case activityKinds.cardRestored:
      return `restored ${card} to ${w.column(e.to.columnId)}`;
    case activityKinds.commentAdded:
      return `commented on ${card}`;
    case activityKinds.attachmentAdded:
      return `attached ${quote(e.to.name)} to ${card}`;
    case activityKinds.attachmentVersionAdded:
      return `uploaded version ${e.to.number} of ${quote(e.to.name)}`;
    case activityKinds.attachmentRenamed:
      return `renamed the attachment ${quote(e.from.name)} to ${quote(e.to.name)}`;
    case activityKinds.approvalRequested:
      return `asked ${list(e.to.approverIds.map((id) => w.name(id, 'someone')))} to approve ${e.to.versionNumber ? `version ${e.to.versionNumber} of an attachment on ${card}` : card}`;
    case activityKinds.approvalDecided:
      return e.to.decision === 'APPROVED'
        ? `approved ${card}${e.to.comment ? `: ${quote(e.to.comment, 200)}` : ''}`
        : `asked for changes to ${card}${e.to.comment ? `: ${quote(e.to.comment, 200)}` : ''}`;
    case activityKinds.approvalReset:
      return `uploaded version ${e.to.versionNumber}: approvals start again`;
    case activityKinds.cardCoverChanged:
      return e.to
        ? `made ${quote(e.to.name)} the cover of ${card}`
        : `took the cover ${quote(e.from?.name ?? '')} off ${card}`;
    case activityKinds.attachmentRemoved:
      return `deleted the attachment ${quote(e.from.name)}`;
    case activityKinds.checklistAdded:
      return `added the checklist ${quote(e.to.title)}`;
    case activityKinds.checklistRemoved:
      return `removed the checklist ${quote(e.from.title)}`;
    case activityKinds.checklistItemAdded:
      return `added ${quote(e.to.text)} to a checklist`;
    case activityKinds.checklistItemUpdated:
      if (e.from.text !== e.to.text) return `reworded a checklist item to ${quote(e.to.text)}`;
      return `${e.to.done ? 'ticked' : 'unticked'} ${quote(e.to.text)}`;
    case activityKinds.checklistItemRemoved:
      return `removed ${quote(e.from.text)} from a checklist`;
    case activityKinds.linkAdded:
    case activityKinds.linkRemoved: {
      const link = e.kind === activityKinds.linkAdded ? e.to : e.from;
      const outgoing = w.cardId !== link.toCardId;
      const other = w.name(outgoing ? link.toCardId : link.fromCardId, 'another card');
      const how = outgoing
        ? `${card} ${linkLabels[link.linkKind]} ${quote(other)}`
        : `${quote(other)} ${linkLabels[link.linkKind]} ${card}`;
      return e.kind === activityKinds.linkAdded ? `linked cards: ${how}` : `removed the link: ${how}`;
    }
    case activityKinds.wipBreachStarted:
      return `${e.to.name} went over its WIP limit (${e.to.count} cards, limit ${e.to.limit})`;
    case activityKinds.wipBreachEnded:
      return `${e.to.name} is back within its WIP limit (${e.to.count} of ${e.to.limit})`;
    case activityKinds.columnCreated:
      return `added the column ${e.to.name}`;
    case activityKinds.columnUpdated:
      return `changed the column ${e.to.name ?? w.column(e.to.columnId)}${layoutChanges(e.from, e.to)}`;
    case activityKinds.columnDeleted:
      return `deleted the column ${e.from.name}`;
    case activityKinds.columnReranked:
      return `tidied the order of ${w.column(e.to.columnId)}`;
    case activityKinds.swimlaneCreated:
      return `added the swimlane ${e.to.name}`;
    case activityKinds.swimlaneUpdated:
      return `changed the swimlane ${e.to.name ?? w.name(e.to.swimlaneId, 'a swimlane')}${layoutChanges(e.from, e.to)}`;
    case activityKinds.swimlaneDeleted:
      return `deleted the swimlane ${e.from.name}`;
    case activityKinds.sprintCreated:
      return `planned ${e.to.name}`;
    case activityKinds.sprintUpdated:
      return `changed ${e.to.name ?? e.from.name ?? 'the sprint'}${e.to.goal !== undefined ? `: goal ${quote(e.to.goal)}` : ''}`;
    case activityKinds.sprintStarted:
      return `started the sprint with ${e.to.committed.length} card${e.to.committed.length === 1 ? '' : 's'} (${e.to.points} pt)`;
    case activityKinds.sprintClosed:
      return `closed the sprint: ${e.to.donePoints} of ${e.to.donePoints + e.to.notDonePoints} pt done${e.to.goalMet === null ? '' : e.to.goalMet ? ', goal met' : ', goal not met'}`;
    case activityKinds.retrospectiveOpened:
      return `opened the sprint retrospective with ${e.to.votesPerPerson} vote${e.to.votesPerPerson === 1 ? '' : 's'} each`;
    case activityKinds.retrospectiveClosed:
      return 'closed the sprint retrospective';
    case activityKinds.retrospectiveAllowanceChanged:
      return `gave everyone ${e.to.votesPerPerson} vote${e.to.votesPerPerson === 1 ? '' : 's'} in the retrospective (was ${e.from.votesPerPerson})`;
    case activityKinds.retrospectiveNoteAdded:
      return `added ${quote(e.to.text)} to the retrospective (${groupLabels[e.to.group]})`;
    case activityKinds.retrospectiveNoteEdited: {
      const changes = [
        e.to.text !== undefined ? `reworded it to ${quote(e.to.text)}` : null,
        e.to.group ? `moved it to ${quote(groupLabels[e.to.group])}` : null,
        e.to.principleId === undefined
          ? null
          : e.to.principleId
            ? `tagged it ${w.name(e.to.principleId, 'with a principle')}`
            : 'took its principle off',
      ].filter((c): c is string => c !== null);
      return `edited a retrospective note: ${list(changes)}`;
    }
    case activityKinds.retrospectiveNoteDeleted: {
      const dots = e.from.votes.reduce((sum, v) => sum + v.dots, 0);
      return `deleted ${quote(e.from.text)} from the retrospective${dots ? ` (its ${dots} vote${dots === 1 ? '' : 's'} went back)` : ''}`;
    }
    case activityKinds.retrospectiveVoted:
      return e.to.dots === 0
        ? 'took back their votes on a retrospective note'
        : `put ${e.to.dots} vote${e.to.dots === 1 ? '' : 's'} on a retrospective note`;
    case activityKinds.retrospectiveActionConverted:
      return `made ${w.card} from the retrospective action ${quote(e.to.text)}`;
    case activityKinds.teamCreated:
      return `created the team ${e.to.name}`;
    case activityKinds.teamRenamed:
      return `renamed the team ${e.from.name} to ${e.to.name}`;
    case activityKinds.teamTimeZoneChanged:
      return `moved the team from the time zone ${e.from.timeZone} to ${e.to.timeZone}`;
    case activityKinds.teamStandupTimeChanged:
      return `moved the daily stand-up from ${e.from.standupTime} to ${e.to.standupTime}`;
    case activityKinds.teamArchived:
      return `archived the team ${e.from.name}`;
    case activityKinds.memberAdded:
      return `added ${w.person(e.to.userId)} to the team as ${roleLabels[e.to.role]}`;
    case activityKinds.memberRoleChanged:
      return `made ${w.person(e.to.userId)} ${roleLabels[e.to.role]} (was ${roleLabels[e.from.role]})`;
    case activityKinds.memberRemoved:
      return `removed ${w.person(e.from.userId)} from the team`;
    case activityKinds.orgRoleChanged:
      return `gave ${w.person(e.to.userId)} ${orgRoleLabels[e.to.orgRole]} (was ${orgRoleLabels[e.from.orgRole]})`;
    case activityKinds.personWipLimitChanged:
      return e.to.wipLimit === null
        ? `removed the WIP limit of ${w.person(e.to.userId)}`
        : `set the WIP limit of ${w.person(e.to.userId)} to ${e.to.wipLimit} (${e.to.wipPolicy === 'HARD' ? 'hard' : 'soft'})`;
    case activityKinds.personDeactivated:
      return `deactivated ${w.person(e.to.userId)}`;
    case activityKinds.personReactivated:
      return `reactivated ${w.person(e.to.userId)}`;
    case activityKinds.invitationCreated:
      return `invited ${e.to.email}`;
    case activityKinds.invitationAccepted:
      return `accepted an invitation`;
    case activityKinds.invitationRevoked:
      return `withdrew the invitation to ${e.from.email}`;
    case activityKinds.apiTokenCreated:
      return `made the ${e.to.canWrite ? 'read-write' : 'read-only'} API token ${quote(e.to.name)} for ${w.person(e.to.userId)}, until ${e.to.expiresAt.slice(0, 10)}`;
    case activityKinds.apiTokenRevoked:
      return `revoked the API token ${quote(e.from.name)} of ${w.person(e.from.userId)}`;
    case activityKinds.calendarFeedCreated:
      return `made the calendar feed ${quote(e.to.name)} for ${w.person(e.to.userId)}`;
    case activityKinds.calendarFeedRenewed:
      return `renewed the calendar feed ${quote(e.to.name)} of ${w.person(e.to.userId)} (its old address stopped working)`;
    case activityKinds.calendarFeedRevoked:
      return `revoked the calendar feed ${quote(e.from.name)} of ${w.person(e.from.userId)}`;
    case activityKinds.signUpPolicyChanged:
      return `set sign-up to ${signUpPolicyLabels[e.to.signUpPolicy]}${e.to.allowedDomains.length ? ` (${e.to.allowedDomains.join(', ')})` : ''}`;
    case activityKinds.principleCreated:
      return `added the principle ${quote(e.to.name)}`;
    case activityKinds.principleUpdated:
      return `changed the principle ${quote(e.to.name ?? e.from.name ?? w.name(e.to.principleId, 'a principle'))}`;
    case activityKinds.campaignCreated:
      return `created the campaign ${quote(e.to.name ?? '')}`;
    case activityKinds.campaignUpdated:
      return `changed the campaign ${quote(e.to.name ?? e.from.name ?? w.name(e.to.campaignId, 'a campaign'))}`;
    case activityKinds.campaignDeleted:
      return `deleted the campaign ${quote(e.from.name)}${e.from.cards ? `; its ${e.from.cards} card${e.from.cards === 1 ? '' : 's'} left it` : ''}`;
    case activityKinds.portfolioStageCreated:
      return `added the portfolio stage ${quote(e.to.name)} (${flowLabels[e.to.flowCategory]})`;
    case activityKinds.portfolioStageRenamed:
      return `renamed the portfolio stage ${quote(e.from.name)} to ${quote(e.to.name)}`;
    case activityKinds.portfolioStagesReordered:
      return 'reordered the portfolio stages';
    case activityKinds.portfolioStageRemoved:
      return `removed the portfolio stage ${quote(e.from.name)}${e.from.columnIds.length ? `; ${e.from.columnIds.length} column${e.from.columnIds.length === 1 ? '' : 's'} went back to the first ${flowLabels[e.from.flowCategory]} stage` : ''}`;
    case activityKinds.portfolioColumnMapped:
      return `counted the column ${w.column(e.to.columnId)} in ${e.to.stageId ? `the portfolio stage ${w.name(e.to.stageId, 'a stage')}` : 'its flow category’s first portfolio stage'}`;
    case activityKinds.legacyEntry:
      return 'made a change';
  }
}

function fieldSentence(e: Extract<ActivityPayload, { kind: 'card.updated' }>, w: Words): string {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const ids = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
  switch (e.field) {
    case 'title':
      return `renamed ${w.card} from ${quote(text(e.from))} to ${quote(text(e.to))}`;
    case 'description':
      return text(e.to) ? 'edited the description' : 'cleared the description';
    case 'type':
      return e.to === 'EXPERIMENT' ? `made ${w.card} an experiment` : `made ${w.card} a task`;
    case 'labels':
      return ids(e.to).length ? `set the labels to ${list(ids(e.to))}` : 'removed every label';
    case 'startDate':
      if (!e.to) return 'removed the start date';
      return e.from
        ? `moved the start date from ${w.date(text(e.from))} to ${w.date(text(e.to))}`
        : `set the start date to ${w.date(text(e.to))}`;
    case 'dueDate':
      return e.to ? `set the due date to ${w.date(text(e.to))}` : 'removed the due date';
    case 'hypothesis':
      return e.to ? `set the hypothesis to ${quote(text(e.to))}` : 'cleared the hypothesis';
    case 'metric':
      return e.to ? `set the metric to ${quote(text(e.to))}` : 'cleared the metric';
    case 'experimentResult':
      return e.to
        ? `recorded the result: ${resultLabels[e.to as keyof typeof resultLabels] ?? text(e.to)}`
        : 'cleared the result';
    case 'ownerIds':
      return ids(e.to).length ? `set the owners to ${list(ids(e.to).map(w.person))}` : 'removed every owner';
    case 'principleIds':
      return ids(e.to).length
        ? `tagged ${w.card} with ${list(ids(e.to).map((id) => w.name(id, 'a principle')))}`
        : 'removed every principle';
  }
}

/** ": WIP limit 3 → 4, flow in progress" for a column or swimlane change. */
function layoutChanges(from: Record<string, unknown>, to: Record<string, unknown>): string {
  const parts: string[] = [];
  if (to.name !== undefined && from.name !== undefined && to.name !== from.name)
    parts.push(`renamed from ${from.name}`);
  if (to.wipLimit !== undefined) parts.push(`WIP limit ${from.wipLimit ?? 'none'} → ${to.wipLimit ?? 'none'}`);
  if (to.wipPolicy !== undefined) parts.push(to.wipPolicy === 'HARD' ? 'hard limit' : 'soft limit');
  if (to.flowCategory !== undefined) parts.push(`flow ${flowLabels[to.flowCategory as keyof typeof flowLabels]}`);
  if (to.requiresApproval !== undefined)
    parts.push(to.requiresApproval ? 'a card leaves only once approved' : 'no approval needed to leave');
  if (to.position !== undefined) parts.push('moved');
  return parts.length ? `: ${parts.join(', ')}` : '';
}

type SentenceEntry = {
  kind: string;
  field?: unknown;
  from?: unknown;
  to?: unknown;
  cardId?: string | null;
  actorName?: string | null;
};

/** Who to name before the sentence: nobody for limits, which the board crosses, not a person. */
export function activityActor(entry: SentenceEntry): string | null {
  if (entry.kind === activityKinds.wipBreachStarted || entry.kind === activityKinds.wipBreachEnded) return null;
  return entry.actorName ?? 'Someone';
}

/** The whole sentence, with who did it: "Sam Rivera moved this from In progress to Review". */
export function activitySentence(entry: SentenceEntry, names: NameLookup, options: SentenceOptions = {}): string {
  const actor = activityActor(entry);
  const what = describeActivity(entry, names, options);
  return actor ? `${actor} ${what}` : what;
}

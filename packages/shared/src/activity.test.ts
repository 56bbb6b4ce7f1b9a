import { describe, expect, it } from 'vitest';
import { timelineKinds } from '@amb/domain/fold-card-timeline';
import {
  activityKindList,
  activityKinds,
  parseActivityPayload,
  readActivityPayload,
  type ActivityKind,
} from './activity';

const place = (columnId: string, flowCategory = 'IN_PROGRESS') => ({ columnId, swimlaneId: null, flowCategory });
const sprintCard = { cardId: 'c1', points: 3 };
type Payload = { field?: unknown; from?: unknown; to?: unknown };

// One payload each kind accepts and one it refuses. Typed by kind, so a kind added without examples does not compile.
const examples: Record<ActivityKind, { valid: Payload; invalid: Payload }> = {
  'card.created': {
    valid: { to: { ...place('k1', 'BACKLOG'), title: 'Spring launch' } },
    invalid: { to: place('k1') },
  },
  'card.moved': {
    valid: { from: place('k1', 'TODO'), to: place('k2') },
    invalid: { from: place('k1'), to: { columnId: 'k2', swimlaneId: null } },
  },
  'card.reordered': { valid: { from: { rank: 'a' }, to: { rank: 'b' } }, invalid: { from: 'a', to: 'b' } },
  'card.updated': { valid: { field: 'title', from: 'Old', to: 'New' }, invalid: { field: 'estimate', from: 3, to: 5 } },
  'card.estimate.changed': {
    valid: { from: { points: 3 }, to: { points: 5 } },
    invalid: { from: { points: -1 }, to: { points: 5 } },
  },
  'card.sprint.changed': {
    valid: { from: { sprintId: 's11' }, to: { sprintId: 's12' } },
    invalid: { to: { sprintId: 's12' } },
  },
  'card.backlog.ranked': { valid: { to: { afterCardId: 'c7' } }, invalid: { to: { afterCardId: 7 } } },
  'card.blocked': {
    valid: { to: { reason: 'Legal has not approved the pricing claims', category: 'legal_compliance' } },
    invalid: { to: { reason: 'x', category: 'weather' } },
  },
  'card.unblocked': {
    valid: { from: { reason: 'Vendor late', category: 'vendor' } },
    invalid: { to: { reason: 'Vendor late', category: 'vendor' } },
  },
  'card.escalated': {
    valid: { to: { reason: 'Legal has not answered for a week', category: 'legal_compliance' } },
    invalid: { to: { reason: 'x', category: 'weather' } },
  },
  'card.escalation.cleared': { valid: {}, invalid: { to: { reason: 'x', category: null } } },
  'card.escalation.handling': {
    valid: { to: { handlerId: 'u1', note: 'Talking to legal on Monday' } },
    invalid: { to: { handlerId: 'u1' } },
  },
  'card.escalation.resolved': {
    valid: { to: { handlerId: 'u1', note: 'Legal signed off' } },
    invalid: { to: { note: 'Legal signed off' } },
  },
  'card.archived': { valid: { from: place('k4', 'DONE') }, invalid: { from: { columnId: 'k4' } } },
  'card.restored': { valid: { to: place('k4', 'DONE') }, invalid: { to: { columnId: 'k4' } } },
  'comment.added': { valid: { to: { commentId: 'm1' } }, invalid: {} },
  'attachment.added': {
    valid: { to: { attachmentId: 'a1', versionId: 'v1', name: 'banner.png', size: 10 } },
    invalid: { to: { attachmentId: 'a1', name: 'banner.png' } },
  },
  'attachment.version.added': {
    valid: { to: { attachmentId: 'a1', versionId: 'v2', number: 2, name: 'banner.png', size: 12 } },
    invalid: { to: { attachmentId: 'a1', versionId: 'v2', name: 'banner.png', size: 12 } },
  },
  'attachment.renamed': {
    valid: { from: { attachmentId: 'a1', name: 'old.png' }, to: { attachmentId: 'a1', name: 'new.png' } },
    invalid: { to: { attachmentId: 'a1', name: 'new.png' } },
  },
  'approval.requested': {
    valid: { to: { approvalId: 'p1', approverIds: ['u1'], attachmentId: null, versionNumber: null } },
    invalid: { to: { approvalId: 'p1' } },
  },
  'approval.decided': {
    valid: { to: { approvalId: 'p1', decision: 'APPROVED', comment: '' } },
    invalid: { to: { approvalId: 'p1', decision: 'MAYBE', comment: '' } },
  },
  'approval.reset': { valid: { to: { approvalId: 'p1', versionNumber: 2 } }, invalid: {} },
  'card.cover.changed': {
    valid: { from: null, to: { attachmentId: 'a1', name: 'banner.png' } },
    invalid: { from: null, to: { attachmentId: 'a1' } },
  },
  'attachment.removed': { valid: { from: { attachmentId: 'a1', name: 'old.png' } }, invalid: {} },
  'checklist.added': {
    valid: { to: { checklistId: 'l1', title: 'Definition of done' } },
    invalid: { to: { checklist: 'Definition of done', added: true } },
  },
  'checklist.removed': {
    valid: { from: { title: 'Definition of done' } },
    invalid: { to: { title: 'Definition of done' } },
  },
  'checklist.item.added': {
    valid: { to: { itemId: 'i1', text: 'Proofread' } },
    invalid: { to: { item: 'Proofread' } },
  },
  'checklist.item.updated': {
    valid: { from: { text: 'Proofread', done: false }, to: { text: 'Proofread', done: true } },
    invalid: { to: { text: 'Proofread', done: 'yes' } },
  },
  'checklist.item.removed': {
    valid: { from: { itemId: 'i1', text: 'Proofread' } },
    invalid: { from: { itemId: 'i1' } },
  },
  'link.added': {
    valid: { to: { linkId: 'l1', linkKind: 'DEPENDS_ON', fromCardId: 'c1', toCardId: 'c2' } },
    invalid: { to: { kind: 'DEPENDS_ON', from: 'c1', to: 'c2' } },
  },
  'link.removed': {
    valid: { from: { linkKind: 'BLOCKS', fromCardId: 'c1', toCardId: 'c2' } },
    invalid: { from: { linkKind: 'NEEDS', fromCardId: 'c1', toCardId: 'c2' } },
  },
  'wip.breach.started': {
    valid: { to: { scope: 'column', id: 'k2', name: 'Doing', limit: 3, count: 4 } },
    invalid: { to: { scope: 'board', id: 'b', name: 'x', limit: 3, count: 4 } },
  },
  'wip.breach.ended': {
    valid: { to: { scope: 'swimlane', id: 'l1', name: 'Launch', limit: 3, count: 3 } },
    invalid: { to: { scope: 'swimlane', id: 'l1', name: 'Launch', limit: null, count: 3 } },
  },
  'column.created': {
    valid: { to: { columnId: 'k5', name: 'Review', flowCategory: 'IN_PROGRESS', wipLimit: null } },
    invalid: { to: { id: 'k5', name: 'Review' } },
  },
  'column.updated': {
    valid: { from: { columnId: 'k5', wipLimit: null }, to: { columnId: 'k5', wipLimit: 3 } },
    invalid: { from: { columnId: 'k5' }, to: { columnId: 'k5', colour: 'red' } },
  },
  'column.deleted': { valid: { from: { columnId: 'k5', name: 'Review' } }, invalid: { from: { columnId: 'k5' } } },
  'column.reranked': { valid: { to: { columnId: 'k5' } }, invalid: { to: {} } },
  'swimlane.created': {
    valid: { to: { swimlaneId: 'l2', name: 'Expedite', wipLimit: 1, wipPolicy: 'HARD' } },
    invalid: { to: { swimlaneId: 'l2', name: 'Expedite', flowCategory: 'TODO' } },
  },
  'swimlane.updated': {
    valid: { from: { swimlaneId: 'l2', name: 'Expedite' }, to: { swimlaneId: 'l2', name: 'Urgent' } },
    invalid: { from: { name: 'Expedite' }, to: { name: 'Urgent' } },
  },
  'swimlane.deleted': {
    valid: { from: { swimlaneId: 'l2', name: 'Urgent' } },
    invalid: { from: { swimlaneId: 'l2', name: 7 } },
  },
  'sprint.created': {
    valid: {
      to: {
        name: 'Sprint 12',
        goal: 'Launch the spring campaign',
        startDate: '2026-11-16T00:00:00.000Z',
        endDate: '2026-11-30T00:00:00.000Z',
        capacityPoints: 30,
      },
    },
    invalid: { to: { goal: 'No name' } },
  },
  'sprint.updated': {
    valid: { field: 'goal', from: { goal: 'Old' }, to: { goal: 'New' } },
    invalid: { field: 'goal', from: { goal: 'Old' }, to: { goal: 'New', state: 'ACTIVE' } },
  },
  'sprint.started': {
    valid: { to: { committed: [sprintCard, { cardId: 'c2', points: null }], points: 3 } },
    invalid: { to: { committed: ['c1'], points: 3 } },
  },
  'sprint.closed': {
    valid: {
      to: {
        done: [sprintCard],
        notDone: [{ cardId: 'c2', points: 5 }],
        donePoints: 3,
        notDonePoints: 5,
        goalMet: false,
        carriedOverTo: 's13',
      },
    },
    invalid: { to: { done: [sprintCard], notDone: [], donePoints: 3, notDonePoints: 0 } },
  },
  'retrospective.opened': {
    valid: { to: { retrospectiveId: 'r1', votesPerPerson: 3 } },
    invalid: { to: { retrospectiveId: 'r1' } },
  },
  'retrospective.closed': { valid: { to: { retrospectiveId: 'r1' } }, invalid: { from: { retrospectiveId: 'r1' } } },
  'retrospective.allowance.changed': {
    valid: { from: { votesPerPerson: 3 }, to: { votesPerPerson: 5 } },
    invalid: { to: { votesPerPerson: 5 } },
  },
  'retrospective.note.added': {
    valid: {
      to: {
        retrospectiveId: 'r1',
        noteId: 'n1',
        group: 'ACTION',
        text: 'Book legal review a week earlier',
        principleId: null,
      },
    },
    invalid: { to: { retrospectiveId: 'r1', noteId: 'n1', group: 'MAYBE', text: 'x', principleId: null } },
  },
  'retrospective.note.edited': {
    valid: {
      from: { noteId: 'n1', text: 'Legal late' },
      to: { retrospectiveId: 'r1', noteId: 'n1', text: 'Legal review came late' },
    },
    invalid: { from: { noteId: 'n1', votes: 2 }, to: { retrospectiveId: 'r1', noteId: 'n1', votes: 3 } },
  },
  'retrospective.note.deleted': {
    valid: {
      from: {
        retrospectiveId: 'r1',
        noteId: 'n1',
        group: 'TO_IMPROVE',
        text: 'Duplicate',
        principleId: null,
        authorId: 'u1',
        votes: [{ userId: 'u2', dots: 2 }],
      },
    },
    invalid: {
      from: {
        retrospectiveId: 'r1',
        noteId: 'n1',
        group: 'TO_IMPROVE',
        text: 'Duplicate',
        principleId: null,
        authorId: 'u1',
        votes: [{ userId: 'u2', dots: 0 }],
      },
    },
  },
  'retrospective.voted': {
    valid: { from: { dots: 0 }, to: { retrospectiveId: 'r1', noteId: 'n1', dots: 2 } },
    invalid: { from: { dots: 0 }, to: { retrospectiveId: 'r1', noteId: 'n1', dots: -1 } },
  },
  'retrospective.action.converted': {
    valid: { to: { retrospectiveId: 'r1', noteId: 'n1', text: 'Book legal review' } },
    invalid: { to: { noteId: 'n1' } },
  },
  'team.created': { valid: { to: { name: 'Content Marketing' } }, invalid: { to: { title: 'Content Marketing' } } },
  'team.renamed': {
    valid: { from: { name: 'Content' }, to: { name: 'Content Marketing' } },
    invalid: { to: { name: 'Content Marketing' } },
  },
  'team.time-zone.changed': {
    valid: { from: { timeZone: 'UTC' }, to: { timeZone: 'Europe/Berlin' } },
    invalid: { to: { timeZone: 1 } },
  },
  'team.standup-time.changed': {
    valid: { from: { standupTime: '09:30' }, to: { standupTime: '10:00' } },
    invalid: { to: { standupTime: 10 } },
  },
  'team.archived': { valid: { from: { name: 'Content' } }, invalid: { from: null } },
  'team.member.added': {
    valid: { to: { userId: 'u1', role: 'MEMBER' } },
    invalid: { to: { userId: 'u1', role: 'OWNER' } },
  },
  'team.member.role.changed': {
    valid: { from: { userId: 'u1', role: 'MEMBER' }, to: { userId: 'u1', role: 'SCRUM_MASTER' } },
    invalid: { from: { role: 'MEMBER' }, to: { role: 'SCRUM_MASTER' } },
  },
  'team.member.removed': { valid: { from: { userId: 'u1', role: null } }, invalid: { field: 'u1' } },
  'user.org-role.changed': {
    valid: { from: { userId: 'u1', orgRole: 'NONE' }, to: { userId: 'u1', orgRole: 'PMO' } },
    invalid: { field: 'u1', from: 'NONE', to: 'PMO' },
  },
  'user.deactivated': { valid: { to: { userId: 'u1' } }, invalid: { to: { email: 'a@b' } } },
  'user.reactivated': { valid: { to: { userId: 'u1' } }, invalid: {} },
  'invitation.created': {
    valid: { to: { invitationId: 'n1', email: 'new@demo.test', teamId: 't1', role: 'MEMBER' } },
    invalid: { to: { email: 'new@demo.test' } },
  },
  'invitation.accepted': {
    valid: { to: { invitationId: 'n1', userId: 'u9' } },
    invalid: { to: { invitationId: 'n1' } },
  },
  'invitation.revoked': {
    valid: { from: { invitationId: 'n1', email: 'new@demo.test' } },
    invalid: { from: { invitationId: 'n1', email: 'new@demo.test', role: 'CEO' } },
  },
  'api-token.created': {
    valid: {
      to: { tokenId: 't1', userId: 'u1', name: 'Reports', canWrite: false, expiresAt: '2027-03-01T00:00:00.000Z' },
    },
    invalid: {
      to: { tokenId: 't1', userId: 'u1', name: 'Reports', canWrite: false, expiresAt: '2027-03-01', token: 'x' },
    },
  },
  'api-token.revoked': {
    valid: { from: { tokenId: 't1', userId: 'u1', name: 'Reports' } },
    invalid: { from: { tokenId: 't1', userId: 'u1' } },
  },
  'calendar-feed.created': {
    valid: { to: { feedId: 'f1', userId: 'u1', teamId: null, name: 'My cards' } },
    invalid: { to: { feedId: 'f1', userId: 'u1', teamId: null, name: 'My cards', token: 'x' } },
  },
  'calendar-feed.renewed': {
    valid: { to: { feedId: 'f1', userId: 'u1', teamId: 't1', name: 'Content team' } },
    invalid: { to: { feedId: 'f1', userId: 'u1', name: 'Content team' } },
  },
  'calendar-feed.revoked': {
    valid: { from: { feedId: 'f1', userId: 'u1', teamId: null, name: 'My cards' } },
    invalid: { from: { feedId: 'f1', userId: 'u1', teamId: null } },
  },
  'settings.sign-up-policy.changed': {
    valid: {
      from: { signUpPolicy: 'INVITATION_ONLY', allowedDomains: [] },
      to: { signUpPolicy: 'DOMAINS', allowedDomains: ['acme.test'] },
    },
    invalid: {
      from: { signUpPolicy: 'INVITATION_ONLY', allowedDomains: [] },
      to: { signUpPolicy: 'SOMETIMES', allowedDomains: [] },
    },
  },
  'portfolio.stage.created': {
    valid: { to: { stageId: 's1', name: 'Review', position: 3, flowCategory: 'IN_PROGRESS' } },
    invalid: { to: { stageId: 's1', name: 'Review', position: 3, flowCategory: 'LATER' } },
  },
  'portfolio.stage.renamed': {
    valid: { from: { stageId: 's1', name: 'Review' }, to: { stageId: 's1', name: 'Approval' } },
    invalid: { to: { name: 'Approval' } },
  },
  'portfolio.stages.reordered': {
    valid: { from: { stageIds: ['s1', 's2'] }, to: { stageIds: ['s2', 's1'] } },
    invalid: { to: { stageIds: 's2,s1' } },
  },
  'portfolio.stage.removed': {
    valid: { from: { stageId: 's1', name: 'Review', position: 3, flowCategory: 'IN_PROGRESS', columnIds: ['k1'] } },
    invalid: { from: { stageId: 's1', name: 'Review' } },
  },
  'portfolio.column.mapped': {
    valid: { from: { columnId: 'k1', stageId: null }, to: { columnId: 'k1', stageId: 's1' } },
    invalid: { to: { columnId: 'k1' } },
  },
  'card.campaign.changed': {
    valid: { from: null, to: { campaignId: 'g1', name: 'Spring launch' } },
    invalid: { from: null, to: { campaignId: 'g1' } },
  },
  'campaign.created': {
    valid: {
      to: {
        campaignId: 'g1',
        name: 'Spring launch',
        goal: 'Sign-ups',
        startDate: '2026-03-01',
        endDate: '2026-03-31',
        ownerId: 'u1',
        colour: 'teal',
        status: 'PLANNED',
      },
    },
    invalid: { to: { campaignId: 'g1', startDate: 'March' } },
  },
  'campaign.updated': {
    valid: { from: { campaignId: 'g1', status: 'PLANNED' }, to: { campaignId: 'g1', status: 'RUNNING' } },
    invalid: { from: { campaignId: 'g1' }, to: { campaignId: 'g1', status: 'PAUSED' } },
  },
  'campaign.deleted': {
    valid: { from: { campaignId: 'g1', name: 'Spring launch', cards: 3 } },
    invalid: { from: { campaignId: 'g1', name: 'Spring launch' } },
  },
  'principle.created': {
    valid: { to: { principleId: 'p1', key: 'customer-focus', name: 'Customer focus' } },
    invalid: { field: 'p1', to: { key: 'customer-focus', name: 'Customer focus' } },
  },
  'principle.updated': {
    valid: { from: { principleId: 'p1', name: 'Old' }, to: { principleId: 'p1', name: 'New', archived: true } },
    invalid: { from: { principleId: 'p1' }, to: { principleId: 'p1', archived: 'yes' } },
  },
  'user.wip-limit.changed': {
    valid: {
      from: { userId: 'u1', wipLimit: null, wipPolicy: 'SOFT' },
      to: { userId: 'u1', wipLimit: 3, wipPolicy: 'HARD' },
    },
    invalid: { to: { userId: 'u1', wipLimit: 3, wipPolicy: 'STRICT' } },
  },
  'legacy.entry': { valid: { field: 'card.updated:rank', from: 1, to: 2 }, invalid: { from: 1, to: 2 } },
};

describe('activity payload schemas', () => {
  it.each(activityKindList)('%s accepts its shape and refuses another', (kind) => {
    const { valid, invalid } = examples[kind];
    expect(() => parseActivityPayload({ kind, ...valid })).not.toThrow();
    expect(() => parseActivityPayload({ kind, ...invalid })).toThrow();
    expect(readActivityPayload({ kind, ...valid })).toMatchObject({ kind });
    expect(readActivityPayload({ kind, ...invalid })).toBeNull();
  });

  it('fills what is left out with null and keeps what is given', () => {
    expect(parseActivityPayload({ kind: activityKinds.commentAdded, to: { commentId: 'm1' } })).toEqual({
      kind: 'comment.added',
      field: null,
      from: null,
      to: { commentId: 'm1' },
    });
  });

  it('knows no kind outside the list', () => {
    expect(readActivityPayload({ kind: 'card.teleported', to: {} })).toBeNull();
    expect(() => parseActivityPayload({ kind: 'card.teleported' as ActivityKind })).toThrow(/Unknown activity kind/);
  });

  it('gives every kind one name, and each name one kind', () => {
    expect(new Set(Object.values(activityKinds)).size).toBe(Object.keys(activityKinds).length);
    expect(activityKindList).toEqual(Object.values(activityKinds));
  });
});

describe('the kinds the card-timeline fold reads', () => {
  it("are the activity log's own kinds, under the same names", () => {
    for (const [name, kind] of Object.entries(timelineKinds)) {
      expect(activityKinds[name as keyof typeof activityKinds], name).toBe(kind);
    }
  });
});

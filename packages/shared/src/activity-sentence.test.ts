import { describe, expect, it } from 'vitest';
import { activityKinds } from './activity';
import { activitySentence, describeActivity } from './activity-sentence';

const names: Record<string, string> = {
  doing: 'In progress',
  review: 'Review',
  s11: 'Sprint 11',
  s12: 'Sprint 12',
  sam: 'Sam Rivera',
  maya: 'Maya Patel',
  other: 'Landing template',
  'lane-a': 'Launch',
};
const lookup = (id: string) => names[id];
const place = (columnId: string, flowCategory = 'IN_PROGRESS', swimlaneId: string | null = null) => ({
  columnId,
  swimlaneId,
  flowCategory,
});

describe('activitySentence', () => {
  it('says who moved a card from where to where, with names', () => {
    expect(
      activitySentence(
        { kind: activityKinds.cardMoved, from: place('doing'), to: place('review'), actorName: 'Sam' },
        lookup,
      ),
    ).toBe('Sam moved this from In progress to Review');
  });

  it('says a sprint change with both sprints', () => {
    expect(
      activitySentence(
        {
          kind: activityKinds.cardSprintChanged,
          from: { sprintId: 's11' },
          to: { sprintId: 's12' },
          actorName: 'Maya',
        },
        lookup,
      ),
    ).toBe('Maya moved it from Sprint 11 to Sprint 12');
    expect(
      describeActivity(
        { kind: activityKinds.cardSprintChanged, from: { sprintId: null }, to: { sprintId: 's12' } },
        lookup,
      ),
    ).toBe('added this to Sprint 12');
    expect(
      describeActivity(
        { kind: activityKinds.cardSprintChanged, from: { sprintId: 's11' }, to: { sprintId: null } },
        lookup,
      ),
    ).toBe('took this out of Sprint 11');
  });

  it('says a card joining, leaving and changing its campaign, by the campaign’s name', () => {
    const spring = { campaignId: 'g1', name: 'Spring launch' };
    const summer = { campaignId: 'g2', name: 'Summer sale' };
    expect(describeActivity({ kind: activityKinds.cardCampaignChanged, from: null, to: spring }, lookup)).toBe(
      'added this to the campaign “Spring launch”',
    );
    expect(describeActivity({ kind: activityKinds.cardCampaignChanged, from: spring, to: null }, lookup)).toBe(
      'removed this from the campaign “Spring launch”',
    );
    expect(describeActivity({ kind: activityKinds.cardCampaignChanged, from: spring, to: summer }, lookup)).toBe(
      'moved it from the campaign “Spring launch” to “Summer sale”',
    );
    expect(describeActivity({ kind: activityKinds.campaignDeleted, from: { ...spring, cards: 2 } }, lookup)).toBe(
      'deleted the campaign “Spring launch”; its 2 cards left it',
    );
  });

  it('says which image became the cover, and which was taken off', () => {
    const banner = { attachmentId: 'a1', name: 'banner.png' };
    expect(describeActivity({ kind: activityKinds.cardCoverChanged, from: null, to: banner }, lookup)).toBe(
      'made “banner.png” the cover of this',
    );
    expect(describeActivity({ kind: activityKinds.cardCoverChanged, from: banner, to: null }, lookup)).toBe(
      'took the cover “banner.png” off this',
    );
  });

  it('says when a column starts or stops requiring approval to leave it', () => {
    const change = (requiresApproval: boolean) =>
      describeActivity(
        {
          kind: activityKinds.columnUpdated,
          from: { columnId: 'review', requiresApproval: !requiresApproval },
          to: { columnId: 'review', name: 'Review', requiresApproval },
        },
        lookup,
      );
    expect(change(true)).toBe('changed the column Review: a card leaves only once approved');
    expect(change(false)).toBe('changed the column Review: no approval needed to leave');
  });

  it('says estimate changes in points', () => {
    expect(
      describeActivity({ kind: activityKinds.cardEstimateChanged, from: { points: 3 }, to: { points: 5 } }, lookup),
    ).toBe('changed the estimate 3 → 5 pt');
    expect(
      describeActivity({ kind: activityKinds.cardEstimateChanged, from: { points: null }, to: { points: 2 } }, lookup),
    ).toBe('estimated this at 2 pt');
  });

  it('says why a card is blocked, and what kind of obstacle', () => {
    expect(
      describeActivity(
        {
          kind: activityKinds.cardBlocked,
          to: { reason: 'Waiting for screenshots from Web Development.', category: 'other_team' },
        },
        lookup,
      ),
    ).toBe('marked this blocked: Waiting for screenshots from Web Development (another team)');
    expect(
      describeActivity({ kind: activityKinds.cardBlocked, to: { reason: 'Waiting.', category: null } }, lookup),
    ).toBe('marked this blocked: Waiting.');
    expect(
      describeActivity(
        {
          kind: activityKinds.cardBlocked,
          to: { reason: 'Legal has not approved the pricing claims', category: 'legal_compliance' },
        },
        lookup,
      ),
    ).toBe('marked this blocked: Legal has not approved the pricing claims (legal and compliance)');
    expect(
      describeActivity(
        { kind: activityKinds.cardEscalated, to: { reason: 'Vendor late', category: 'vendor' } },
        lookup,
      ),
    ).toBe('escalated the obstacle on this to the PMO: Vendor late');
    expect(
      describeActivity(
        { kind: activityKinds.cardEscalationHandling, to: { handlerId: 'u1', note: 'Calling the vendor today' } },
        lookup,
      ),
    ).toBe('took on the obstacle on this for the PMO: “Calling the vendor today”');
    expect(
      describeActivity(
        { kind: activityKinds.cardEscalationResolved, to: { handlerId: 'u1', note: 'Vendor delivered' } },
        lookup,
      ),
    ).toBe('marked the obstacle on this cleared for the PMO: “Vendor delivered”');
    expect(describeActivity({ kind: activityKinds.cardEscalationCleared }, lookup, { card: 'Spring launch' })).toBe(
      'took Spring launch off the PMO’s obstacle list',
    );
    expect(
      describeActivity(
        { kind: activityKinds.cardUnblocked, from: { reason: 'Vendor late', category: 'vendor' } },
        lookup,
      ),
    ).toBe('cleared the obstacle on this: Vendor late');
  });

  it('names people, not ids, and says a removed column is gone', () => {
    expect(
      describeActivity({ kind: activityKinds.cardUpdated, field: 'ownerIds', from: [], to: ['sam', 'maya'] }, lookup),
    ).toBe('set the owners to Sam Rivera and Maya Patel');
    expect(describeActivity({ kind: activityKinds.cardArchived, from: place('gone', 'DONE') }, lookup)).toBe(
      'archived this from a removed column',
    );
    const text = describeActivity(
      { kind: activityKinds.memberAdded, to: { userId: '432cd580-1111-2222-3333-444455556666', role: 'MEMBER' } },
      lookup,
    );
    expect(text).toBe('added someone to the team as member');
  });

  it('says when a card’s start date is set, moved and removed', () => {
    const startDate = (from: string | null, to: string | null) =>
      describeActivity({ kind: activityKinds.cardUpdated, field: 'startDate', from, to }, lookup);
    expect(startDate(null, '2026-12-12T00:00:00.000Z')).toBe('set the start date to 2026-12-12');
    expect(startDate('2026-12-12T00:00:00.000Z', '2026-12-15T00:00:00.000Z')).toBe(
      'moved the start date from 2026-12-12 to 2026-12-15',
    );
    expect(startDate('2026-12-15T00:00:00.000Z', null)).toBe('removed the start date');
  });

  it('says a swimlane change when the column stays', () => {
    expect(
      describeActivity(
        { kind: activityKinds.cardMoved, from: place('doing'), to: place('doing', 'IN_PROGRESS', 'lane-a') },
        lookup,
      ),
    ).toBe('moved this from no swimlane to Launch');
  });

  it('reads a link from the side of the card it is shown on', () => {
    const link = { linkKind: 'DEPENDS_ON', fromCardId: 'mine', toCardId: 'other' };
    expect(describeActivity({ kind: activityKinds.linkAdded, to: link, cardId: 'mine' }, lookup)).toBe(
      'linked cards: this depends on “Landing template”',
    );
    expect(
      describeActivity(
        { kind: activityKinds.linkAdded, to: { ...link, fromCardId: 'other', toCardId: 'mine' }, cardId: 'mine' },
        lookup,
      ),
    ).toBe('linked cards: “Landing template” depends on this');
  });

  it('says what an edit changed on a retrospective note, and what a deletion gave back', () => {
    const note = { retrospectiveId: 'r1', noteId: 'n1' };
    expect(
      describeActivity(
        {
          kind: activityKinds.retrospectiveNoteEdited,
          from: { noteId: 'n1', text: 'Legal', group: 'WENT_WELL' },
          to: { ...note, text: 'Legal came late', group: 'TO_IMPROVE' },
        },
        lookup,
      ),
    ).toBe('edited a retrospective note: reworded it to “Legal came late” and moved it to “to improve”');
    expect(
      describeActivity(
        {
          kind: activityKinds.retrospectiveNoteEdited,
          from: { noteId: 'n1', principleId: 'p1' },
          to: { ...note, principleId: null },
        },
        lookup,
      ),
    ).toBe('edited a retrospective note: took its principle off');
    const deleted = { ...note, group: 'TO_IMPROVE', text: 'Duplicate', principleId: null, authorId: 'sam' };
    expect(
      describeActivity(
        {
          kind: activityKinds.retrospectiveNoteDeleted,
          from: {
            ...deleted,
            votes: [
              { userId: 'sam', dots: 2 },
              { userId: 'maya', dots: 1 },
            ],
          },
        },
        lookup,
      ),
    ).toBe('deleted “Duplicate” from the retrospective (its 3 votes went back)');
    expect(
      describeActivity({ kind: activityKinds.retrospectiveNoteDeleted, from: { ...deleted, votes: [] } }, lookup),
    ).toBe('deleted “Duplicate” from the retrospective');
  });

  it('uses the card’s title where the card is not the page', () => {
    expect(
      describeActivity({ kind: activityKinds.cardMoved, from: place('doing'), to: place('review') }, lookup, {
        card: '“Spring launch”',
      }),
    ).toBe('moved “Spring launch” from In progress to Review');
  });

  it('leaves the actor out of limits crossed by the board, and reads anything unknown as a change', () => {
    expect(
      activitySentence(
        {
          kind: activityKinds.wipBreachStarted,
          to: { scope: 'column', id: 'doing', name: 'In progress', limit: 3, count: 4 },
          actorName: 'Sam',
        },
        lookup,
      ),
    ).toBe('In progress went over its WIP limit (4 cards, limit 3)');
    expect(activitySentence({ kind: 'card.teleported', actorName: 'Sam' }, lookup)).toBe('Sam made a change');
    expect(activitySentence({ kind: activityKinds.commentAdded, to: { commentId: 'm1' } }, lookup)).toBe(
      'Someone commented on this',
    );
  });
});

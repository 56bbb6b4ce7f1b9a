import { describe, expect, it } from 'vitest';
import {
  campaignColourHex,
  campaignDatesProblem,
  campaignProgress,
  canManageCampaigns,
  deliverableAtRisk,
  isCampaignColour,
} from './campaigns';

const now = new Date('2026-12-06T10:00:00Z');
const card = (over: Partial<Parameters<typeof campaignProgress>[0][number]> = {}) => ({
  done: false,
  blocked: false,
  estimate: null,
  dueDate: null,
  ...over,
});

describe('campaigns', () => {
  it('lets admins, the PMO and scrum masters run campaigns', () => {
    expect(canManageCampaigns('ADMIN', [])).toBe(true);
    expect(canManageCampaigns('PMO', [])).toBe(true);
    expect(canManageCampaigns('NONE', ['MEMBER', 'SCRUM_MASTER'])).toBe(true);
    expect(canManageCampaigns('NONE', ['MEMBER', 'PRODUCT_OWNER', 'VIEWER'])).toBe(false);
    expect(canManageCampaigns('NONE', [])).toBe(false);
  });

  it('takes a palette colour by name or any #rrggbb, and paints either', () => {
    expect(isCampaignColour('teal')).toBe(true);
    expect(isCampaignColour('#a1b2c3')).toBe(true);
    expect(isCampaignColour('plaid')).toBe(false);
    expect(isCampaignColour('toString')).toBe(false);
    expect(isCampaignColour('#a1b2c')).toBe(false);
    expect(campaignColourHex('teal')).toBe('#0f766e');
    expect(campaignColourHex('#a1b2c3')).toBe('#a1b2c3');
  });

  it('takes a one-day campaign and refuses one that ends before it starts', () => {
    expect(campaignDatesProblem('2026-12-01', '2026-12-01')).toBeNull();
    expect(campaignDatesProblem('2026-12-01', '2027-01-31')).toBeNull();
    expect(campaignDatesProblem('2026-12-02', '2026-12-01')).toBe('must not be before the start date');
  });

  it('calls a card at risk when it is due after the last day or already late, unless done', () => {
    const end = '2026-12-31';
    expect(deliverableAtRisk(card({ dueDate: new Date('2026-12-31T23:59:00Z') }), end, now)).toBe(false);
    expect(deliverableAtRisk(card({ dueDate: new Date('2027-01-01T00:00:00Z') }), end, now)).toBe(true);
    expect(deliverableAtRisk(card({ dueDate: new Date('2026-12-05T00:00:00Z') }), end, now)).toBe(true);
    expect(deliverableAtRisk(card({ done: true, dueDate: new Date('2026-12-05T00:00:00Z') }), end, now)).toBe(false);
    expect(deliverableAtRisk(card(), end, now)).toBe(false);
  });

  it('adds up cards and points, done, blocked and at risk', () => {
    expect(
      campaignProgress(
        [
          card({ done: true, estimate: 3 }),
          card({ estimate: 5, blocked: true }),
          card({ estimate: null, dueDate: new Date('2026-12-01T00:00:00Z') }),
          card({ done: true, blocked: true, estimate: 2 }),
        ],
        '2026-12-31',
        now,
      ),
    ).toEqual({ cards: 4, done: 2, points: 10, pointsDone: 5, blocked: 1, atRisk: 1 });
  });
});

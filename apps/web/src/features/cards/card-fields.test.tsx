import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardDetail } from '@amb/shared/cards';
import { ApiError } from '../../lib/api-client';
import { CardFields, type Write } from './card-fields';

const card: CardDetail = {
  id: '00000000-0000-4000-8000-000000000001',
  boardId: '00000000-0000-4000-8000-000000000002',
  teamId: '00000000-0000-4000-8000-000000000003',
  columnId: '00000000-0000-4000-8000-000000000004',
  swimlaneId: null,
  sprintId: null,
  type: 'TASK',
  title: 'Webinar follow-up mail',
  descriptionMentions: [],
  description: '',
  rank: 'm',
  estimate: null,
  startDate: null,
  dueDate: null,
  labels: [],
  approval: null,
  cover: null,
  blocked: false,
  blockedReason: null,
  blockedSince: null,
  blockerCategory: null,
  hypothesis: null,
  metric: null,
  experimentResult: null,
  campaignId: null,
  ownerIds: [],
  principleIds: [],
  version: 3,
  updatedAt: '2026-03-01T00:00:00.000Z',
  escalatedAt: null,
  archivedAt: null,
  createdAt: '2026-03-01T00:00:00.000Z',
  startedAt: null,
  completedAt: null,
  owners: [],
  comments: [],
  hasOlderComments: false,
  checklists: [],
  links: [],
  history: [],
  historyNames: {},
  origin: null,
  pmo: null,
};

const renderFields = (write: Write) =>
  render(<CardFields card={card} people={[]} principles={[]} write={write} savedNote={null} />);

// happy-dom does not tie a label to the input inside it, so fields are found by their name.
const field = (name: string) => document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
const fill = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

describe('the card panel’s fields (react-hook-form with the API’s update schema)', () => {
  afterEach(cleanup);

  it('checks the changes with the shared schema before sending anything', async () => {
    const write = vi.fn<Write>(async () => null);
    renderFields(write);
    fill('estimate', '1.5');
    fill('labels', `email, ${'x'.repeat(41)}`);
    save();
    expect(await screen.findByText('Estimate must be a whole number of points')).toBeTruthy();
    expect(screen.getByText('One label must be at most 40 characters')).toBeTruthy();
    expect(field('estimate').getAttribute('aria-invalid')).toBe('true');
    expect(field('labels').getAttribute('aria-describedby')).toBe('labels-error');
    expect(write).not.toHaveBeenCalled();
  });

  it('asks what blocks a card that is marked blocked', async () => {
    const write = vi.fn<Write>(async () => null);
    renderFields(write);
    fireEvent.click(field('blocked'));
    save();
    expect(await screen.findByText(/^What blocks it is required when a card is blocked/)).toBeTruthy();
    expect(write).not.toHaveBeenCalled();
  });

  it('says so when nothing changed, and sends only what changed with the version it was based on', async () => {
    const write = vi.fn<Write>(async () => null);
    renderFields(write);
    save();
    expect(await screen.findByText('Nothing to save: no field has changed.')).toBeTruthy();
    expect(write).not.toHaveBeenCalled();

    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify({ card, overLimit: [], unreachedMentions: [] }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetch);
    write.mockImplementation(async (action, saved) => {
      await action();
      expect(typeof saved === 'function' ? saved() : saved).toBe('Saved the estimate, the labels.');
      return null;
    });
    fill('estimate', '2');
    fill('labels', 'email, webinar');
    save();
    await waitFor(() => expect(write).toHaveBeenCalledTimes(1));
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({ version: 3, estimate: 2, labels: ['email', 'webinar'] });
    vi.unstubAllGlobals();
  });

  it('puts the API’s field errors on their fields', async () => {
    renderFields(
      async () =>
        new ApiError(400, 'VALIDATION_FAILED', 'body.title is taken', [
          { field: 'body.title', message: 'is already used on this board' },
        ]),
    );
    fill('title', 'Another title');
    save();
    expect(await screen.findByText('Title is already used on this board')).toBeTruthy();
    expect(field('title').getAttribute('aria-describedby')).toBe('title-error');
  });
});

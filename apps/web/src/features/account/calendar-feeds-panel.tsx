import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createCalendarFeedBodySchema,
  type CalendarFeed,
  type CreateCalendarFeedBody,
  type CreatedCalendarFeed,
} from '@amb/shared/account';
import { ActionMessage, useActionMessage } from '../../components/action-message';
import { useConfirm } from '../../components/confirm-dialog';
import { applyApiErrors } from '../../lib/form-errors';
import {
  calendarFeedKeys,
  createCalendarFeed,
  fetchCalendarFeeds,
  fetchReadableTeams,
  renewCalendarFeed,
  revokeCalendarFeed,
} from './api';

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
type FeedForm = { scope: 'mine' | 'team'; teamId?: string };

/**
 * Calendar feeds: a URL that Google Calendar, Outlook or Apple Calendar subscribes to, listing "my cards" or a team's
 * cards on their due days. The URL is shown once (at creation or renewal), with a way to copy it.
 */
export function CalendarFeedsPanel() {
  const queryClient = useQueryClient();
  const feeds = useQuery({ queryKey: calendarFeedKeys.mine, queryFn: fetchCalendarFeeds });
  const teams = useQuery({ queryKey: calendarFeedKeys.teams, queryFn: fetchReadableTeams });
  const message = useActionMessage();
  const [confirm, dialog] = useConfirm();
  const [fresh, setFresh] = useState<CreatedCalendarFeed | null>(null);
  const form = useForm<FeedForm>({
    resolver: zodResolver(createCalendarFeedBodySchema) as never,
    defaultValues: { scope: 'mine' },
  });
  const scope = useWatch({ control: form.control, name: 'scope' });
  const shown = (feed: CreatedCalendarFeed, said: string) => {
    setFresh(feed);
    message.say(said);
    void queryClient.invalidateQueries({ queryKey: calendarFeedKeys.mine });
  };
  const create = useMutation({
    mutationFn: (body: CreateCalendarFeedBody) => createCalendarFeed(body),
    onSuccess: (created) => {
      form.reset({ scope: 'mine' });
      shown(created, `The calendar feed “${created.name}” is made. Copy its URL now: it is not shown again.`);
    },
    onError: (error) =>
      message.sayError(applyApiErrors(error, form.setError, ['scope', 'teamId']) ?? 'Some fields need another look.'),
  });
  const renew = useMutation({
    mutationFn: renewCalendarFeed,
    onSuccess: (renewed) =>
      shown(renewed, `“${renewed.name}” has a new URL; the old one no longer works. Subscribe again with this one.`),
    onError: message.fail,
  });
  const revoke = useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: () => {
      setFresh(null);
      message.say('The calendar feed is revoked; calendars subscribed to it stop updating.');
      void queryClient.invalidateQueries({ queryKey: calendarFeedKeys.mine });
    },
    onError: message.fail,
  });
  const askRenew = async (feed: CalendarFeed) => {
    const ok = await confirm({
      title: `Renew “${feed.name}”?`,
      message: 'It gets a new URL. Calendars subscribed with the old one stop updating until you subscribe again.',
      confirmLabel: 'Renew feed',
    });
    if (ok) renew.mutate(feed.id);
  };
  const askRevoke = async (feed: CalendarFeed) => {
    const ok = await confirm({
      title: `Revoke “${feed.name}”?`,
      message: 'Its URL stops working at once; calendars subscribed to it stop updating.',
      confirmLabel: 'Revoke feed',
    });
    if (ok) revoke.mutate(feed.id);
  };
  const errors = form.formState.errors;

  return (
    <div className="account-panel">
      <h2>Calendar feeds</h2>
      <p className="muted">
        See cards on their due days in your own calendar: a feed lists your cards on every team you can read, or one
        team’s cards, and updates when the calendar app refreshes it.
      </p>
      <form
        className="account-form"
        onSubmit={form.handleSubmit((v) => create.mutate(v as CreateCalendarFeedBody))}
        noValidate
        aria-label="New calendar feed"
      >
        <label>
          Cards
          <select {...form.register('scope')}>
            <option value="mine">My cards</option>
            <option value="team">A team’s cards</option>
          </select>
        </label>
        {scope === 'team' && (
          <label>
            Team
            <select aria-invalid={errors.teamId ? true : undefined} {...form.register('teamId')}>
              <option value="">Choose a team</option>
              {teams.data?.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
            <span className="field-error">{errors.teamId && 'Choose a team'}</span>
          </label>
        )}
        <button type="submit" className="primary" disabled={create.isPending}>
          Make calendar feed
        </button>
      </form>
      {fresh && (
        <div className="new-token" role="region" aria-label="Your calendar feed URL">
          <p>
            <strong>{fresh.name}</strong>: copy this URL now, it is not shown again. Anyone who has it sees these cards.
          </p>
          <code className="token-secret">{fresh.url}</code>
          <p className="muted">
            To subscribe: in Google Calendar, Other calendars → From URL; in Outlook, Add calendar → Subscribe from web;
            in Apple Calendar, File → New Calendar Subscription. Paste the URL there.
          </p>
          <div className="new-token-actions">
            <button type="button" onClick={() => void navigator.clipboard?.writeText(fresh.url)}>
              Copy URL
            </button>
            <button type="button" onClick={() => setFresh(null)}>
              Done
            </button>
          </div>
        </div>
      )}
      <ActionMessage message={message.message} />
      {feeds.isPending && (
        <p role="status" className="muted">
          Loading…
        </p>
      )}
      {feeds.isError && (
        <p role="alert" className="form-error">
          Your calendar feeds could not be loaded: {feeds.error.message}
        </p>
      )}
      {feeds.data?.length === 0 && <p className="muted">You have no calendar feeds.</p>}
      <ul className="session-list" aria-label="Your calendar feeds">
        {feeds.data?.map((f) => (
          <li key={f.id}>
            <div>
              <strong>{f.name}</strong>
              <div className="muted">
                made {day(f.createdAt)}
                {f.renewedAt && ` · renewed ${day(f.renewedAt)}`}
              </div>
            </div>
            <div className="new-token-actions">
              <button type="button" onClick={() => void askRenew(f)} disabled={renew.isPending}>
                Renew<span className="visually-hidden"> {f.name}</span>
              </button>
              <button type="button" onClick={() => void askRevoke(f)} disabled={revoke.isPending}>
                Revoke<span className="visually-hidden"> {f.name}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
      {dialog}
    </div>
  );
}

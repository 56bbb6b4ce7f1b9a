import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  notificationKindLabels,
  updatePreferencesBodySchema,
  type NotificationDelivery,
  type UpdatePreferencesBody,
} from '@amb/shared/notifications';
import { ActionMessage, useActionMessage } from '../../components/action-message';
import { QueryState } from '../../components/query-state';
import { applyApiErrors } from '../../lib/form-errors';
import { fetchPreferences, notificationKeys, savePreferences } from './api';
import './notifications.css';

const deliveryNames: Record<NotificationDelivery, string> = {
  APP: 'In the app only',
  EMAIL: 'E-mail at once',
  DIGEST: 'Daily digest',
};
const hours = Array.from({ length: 24 }, (_, h) => h);
const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];

/** The next Monday at 08:00 in this browser's time, for "do not disturb until Monday". */
function nextMonday(now = new Date()) {
  const d = new Date(now);
  d.setDate(d.getDate() + ((8 - d.getDay()) % 7 || 7));
  d.setHours(8, 0, 0, 0);
  return d;
}

/** How and when a person hears about each kind of event: in the app, by e-mail at once, or in a daily digest. */
export function NotificationPreferencesPage() {
  const queryClient = useQueryClient();
  const prefs = useQuery({ queryKey: notificationKeys.preferences, queryFn: fetchPreferences });
  const message = useActionMessage();
  const form = useForm<UpdatePreferencesBody>({
    resolver: zodResolver(updatePreferencesBodySchema),
    values: prefs.data
      ? { kinds: prefs.data.kinds, timeZone: prefs.data.timeZone, digestHour: prefs.data.digestHour }
      : undefined,
  });
  const save = useMutation({
    mutationFn: savePreferences,
    onSuccess: (saved) => {
      queryClient.setQueryData(notificationKeys.preferences, saved);
      message.say('Your notification settings are saved.');
    },
    onError: (error) =>
      message.sayError(
        applyApiErrors(error, form.setError, ['timeZone', 'digestHour']) ?? 'Some fields need another look.',
      ),
  });
  const pausedUntil = prefs.data?.pausedUntil ? new Date(prefs.data.pausedUntil) : null;
  const paused = pausedUntil && pausedUntil > new Date();

  return (
    <section className="notification-settings" aria-labelledby="notification-settings-title">
      <h1 id="notification-settings-title">Notification settings</h1>
      <QueryState
        query={prefs}
        loading="Loading your notification settings…"
        failed="Your notification settings could not be loaded"
      >
        {(data) => (
          <>
            <div className="settings-panel dnd">
              <h2>Do not disturb</h2>
              <p>
                {paused
                  ? `No e-mail until ${pausedUntil!.toLocaleString(undefined, { weekday: 'long', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}. Your inbox still fills.`
                  : 'E-mail goes out as chosen below.'}
              </p>
              <div className="dnd-actions">
                {paused ? (
                  <button type="button" onClick={() => save.mutate({ pausedUntil: null })}>
                    Resume now
                  </button>
                ) : (
                  <>
                    <button
                      type="button"
                      onClick={() => save.mutate({ pausedUntil: new Date(Date.now() + 3600_000).toISOString() })}
                    >
                      Pause for an hour
                    </button>
                    <button type="button" onClick={() => save.mutate({ pausedUntil: nextMonday().toISOString() })}>
                      Pause until Monday
                    </button>
                  </>
                )}
              </div>
            </div>
            <form className="settings-panel" onSubmit={form.handleSubmit((body) => save.mutate(body))} noValidate>
              <h2>How you hear about each event</h2>
              <table className="data-table preference-table">
                <thead>
                  <tr>
                    <th scope="col">Event</th>
                    <th scope="col">How</th>
                  </tr>
                </thead>
                <tbody>
                  {data.kinds.map((k, i) => (
                    <tr key={k.kind}>
                      <th scope="row">
                        <label htmlFor={`delivery-${k.kind}`}>{notificationKindLabels[k.kind]}</label>
                      </th>
                      <td>
                        <input type="hidden" {...form.register(`kinds.${i}.kind`)} />
                        <select id={`delivery-${k.kind}`} {...form.register(`kinds.${i}.delivery`)}>
                          {(Object.keys(deliveryNames) as NotificationDelivery[]).map((d) => (
                            <option key={d} value={d}>
                              {deliveryNames[d]}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="digest-fields">
                <label>
                  Daily digest at
                  <select {...form.register('digestHour', { valueAsNumber: true })}>
                    {hours.map((h) => (
                      <option key={h} value={h}>
                        {`${String(h).padStart(2, '0')}:00`}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Your time zone
                  <select {...form.register('timeZone', { setValueAs: (v: string) => (v === '' ? null : v) })}>
                    <option value="">{`Your team’s (${data.defaultTimeZone})`}</option>
                    {zones.map((z) => (
                      <option key={z} value={z}>
                        {z}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <p className="muted">
                Every notification also lands in your inbox (the bell), kept 90 days. Due-date reminders and the digest
                use your time zone.
              </p>
              <button type="submit" className="primary" disabled={save.isPending}>
                Save settings
              </button>
              <ActionMessage message={message.message} />
            </form>
          </>
        )}
      </QueryState>
    </section>
  );
}

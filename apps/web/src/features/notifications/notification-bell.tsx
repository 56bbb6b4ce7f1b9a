import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { unreadCountSchema, type Notification } from '@amb/shared/notifications';
import { useDismiss } from '../../lib/use-dismiss';
import { fetchInbox, fetchUnread, markAllRead, markRead, notificationKeys, unreadEventsUrl } from './api';
import './notifications.css';

/** Notifications grouped by card, newest group first; those about no card are grouped by themselves. */
function groupByCard(items: Notification[]) {
  const groups = new Map<string, { title: string; items: Notification[] }>();
  for (const n of items) {
    const key = n.cardId ?? `other:${n.kind.split('.')[0]}:${n.teamId ?? ''}`;
    const title =
      n.cardTitle ??
      (n.kind.startsWith('sprint.') || n.kind === 'retrospective.opened' ? 'Sprint' : n.cardId ? 'A card' : 'Team');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { title, items: [] }));
    group.items.push(n);
  }
  return [...groups.entries()].map(([key, g]) => ({ key, ...g }));
}

const when = (iso: string) => {
  const minutes = Math.round((Date.now() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.round(minutes / 60)} h ago`;
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
};

/**
 * The bell in the top bar: the unread count, kept live by the person's own event stream, and the inbox under it,
 * grouped by card, where each line opens its card and is marked read, one or all at once.
 */
export function NotificationBell() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useDismiss(open, box, () => setOpen(false));
  const unread = useQuery({ queryKey: notificationKeys.unread, queryFn: fetchUnread });
  const inbox = useQuery({ queryKey: notificationKeys.inbox, queryFn: fetchInbox, enabled: open });

  useEffect(() => {
    const source = new EventSource(unreadEventsUrl);
    source.addEventListener('unread', (e) => {
      const count = unreadCountSchema.safeParse(JSON.parse((e as MessageEvent<string>).data));
      if (!count.success) return;
      queryClient.setQueryData(notificationKeys.unread, count.data);
      void queryClient.invalidateQueries({ queryKey: notificationKeys.inbox });
    });
    return () => source.close();
  }, [queryClient]);

  const afterRead = (count: { unread: number }) => {
    queryClient.setQueryData(notificationKeys.unread, count);
    void queryClient.invalidateQueries({ queryKey: notificationKeys.inbox });
  };
  const readOne = useMutation({ mutationFn: markRead, onSuccess: afterRead });
  const readAll = useMutation({ mutationFn: markAllRead, onSuccess: afterRead });

  const count = unread.data?.unread ?? 0;
  const openItem = (n: Notification) => {
    if (!n.read) readOne.mutate(n.id);
    setOpen(false);
    if (n.link) void navigate(n.link);
  };
  const items = inbox.data?.notifications ?? [];

  return (
    <div className="bell" ref={box}>
      <button
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls="inbox-panel"
        onClick={() => setOpen(!open)}
        aria-label={count ? `Notifications, ${count} unread` : 'Notifications'}
      >
        <span aria-hidden="true">🔔</span>
        {count > 0 && (
          <span className="bell-count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {open && (
        <section className="inbox-panel" id="inbox-panel" aria-labelledby="inbox-title">
          <header className="inbox-head">
            <h2 id="inbox-title">Notifications</h2>
            <button type="button" onClick={() => readAll.mutate()} disabled={!count || readAll.isPending}>
              Mark all read
            </button>
          </header>
          {inbox.isPending && <p className="muted inbox-empty">Loading…</p>}
          {inbox.isError && (
            <p className="form-error">Your notifications could not be loaded. Try again in a moment.</p>
          )}
          {inbox.isSuccess && !items.length && (
            <p className="muted inbox-empty">
              Nothing yet. You hear here when someone mentions you or changes a card you watch.
            </p>
          )}
          <div className="inbox-groups">
            {groupByCard(items).map((group) => (
              <section key={group.key} className="inbox-group" aria-label={group.title}>
                <h3>{group.title}</h3>
                <ul>
                  {group.items.map((n) => (
                    <li key={n.id} className={n.read ? 'inbox-item' : 'inbox-item unread'}>
                      <button type="button" className="inbox-open" onClick={() => openItem(n)}>
                        {!n.read && <span className="visually-hidden">Unread: </span>}
                        <span className="inbox-text">{n.text}</span>
                        <span className="inbox-when">{when(n.createdAt)}</span>
                      </button>
                      {!n.read && (
                        <button
                          type="button"
                          className="inbox-read"
                          onClick={() => readOne.mutate(n.id)}
                          aria-label={`Mark read: ${n.text}`}
                        >
                          ✓
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
          <footer className="inbox-foot">
            <Link to="/account/notifications" onClick={() => setOpen(false)}>
              Notification settings
            </Link>
            <span className="muted">Kept 90 days</span>
          </footer>
        </section>
      )}
    </div>
  );
}

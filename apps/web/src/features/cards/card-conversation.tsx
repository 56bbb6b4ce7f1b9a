import { useState } from 'react';
import type { CardDetail } from '@amb/shared/cards';
import type { ApiError } from '../../lib/api-client';
import { addChecklist, addChecklistItem, addComment, setChecklistItemDone } from './api';

type Write = (action: () => Promise<unknown>, saved?: string) => Promise<ApiError | null>;

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** Checklists and comments: the work's small steps and the talk about it. */
export function CardConversation({ card, write }: { card: CardDetail; write: Write }) {
  const [comment, setComment] = useState('');
  const [checklistTitle, setChecklistTitle] = useState('');
  const [items, setItems] = useState<Record<string, string>>({});
  const readOnly = Boolean(card.archivedAt);

  return (
    <>
      <section aria-labelledby="checklists-title" className="panel-section">
        <h3 id="checklists-title">Checklists</h3>
        {card.checklists.map((list) => (
          <div key={list.id} className="checklist">
            <strong>{list.title}</strong>{' '}
            <span className="muted">
              {list.items.filter((i) => i.done).length}/{list.items.length}
            </span>
            <ul>
              {list.items.map((item) => (
                <li key={item.id}>
                  <label className="check">
                    <input type="checkbox" checked={item.done} disabled={readOnly} onChange={(e) => void write(() => setChecklistItemDone(item.id, e.target.checked))} /> {item.text}
                  </label>
                </li>
              ))}
            </ul>
            {!readOnly && (
              <form
                className="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  const text = (items[list.id] ?? '').trim();
                  if (text) void write(() => addChecklistItem(list.id, text)).then((err) => !err && setItems({ ...items, [list.id]: '' }));
                }}
              >
                <input aria-label={`New item for ${list.title}`} placeholder="Add an item" value={items[list.id] ?? ''} onChange={(e) => setItems({ ...items, [list.id]: e.target.value })} />
                <button type="submit">Add item</button>
              </form>
            )}
          </div>
        ))}
        {!readOnly && (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (checklistTitle.trim()) void write(() => addChecklist(card.id, checklistTitle.trim())).then((err) => !err && setChecklistTitle(''));
            }}
          >
            <input aria-label="New checklist title" placeholder="New checklist" value={checklistTitle} onChange={(e) => setChecklistTitle(e.target.value)} />
            <button type="submit">Add checklist</button>
          </form>
        )}
      </section>
      <section aria-labelledby="comments-title" className="panel-section">
        <h3 id="comments-title">Comments</h3>
        {card.comments.length === 0 && <p className="muted">No comments yet.</p>}
        <ol className="comments">
          {card.comments.map((c) => (
            <li key={c.id}>
              <span className="muted">
                {c.author?.name ?? 'Someone'} · {when(c.createdAt)}
              </span>
              <p>{c.body}</p>
            </li>
          ))}
        </ol>
        {!readOnly && (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (comment.trim()) void write(() => addComment(card.id, comment.trim())).then((err) => !err && setComment(''));
            }}
          >
            <textarea aria-label="New comment" placeholder="Write a comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
            <button type="submit">Comment</button>
          </form>
        )}
      </section>
    </>
  );
}

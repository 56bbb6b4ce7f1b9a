import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { CardDetail, CommentPage } from '@amb/shared/cards';
import type { ApiError } from '../../lib/api-client';
import { MentionTextarea, notToldWarning, TextWithMentions, useMentionText } from '../../components/mention-text';
import {
  addChecklist,
  addChecklistItem,
  addComment,
  fetchCommentsBefore,
  fetchMentionCandidates,
  setChecklistItemDone,
} from './api';

type Write = (action: () => Promise<unknown>, saved?: string) => Promise<ApiError | null>;

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** Checklists and comments: the work's small steps and the talk about it. */
export function CardConversation({ card, write }: { card: CardDetail; write: Write }) {
  const comment = useMentionText();
  const [notTold, setNotTold] = useState<string | null>(null);
  const [checklistTitle, setChecklistTitle] = useState('');
  const [items, setItems] = useState<Record<string, string>>({});
  const readOnly = Boolean(card.archivedAt);
  const older = useOlderComments(card);
  const comments = older.comments;

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
                    <input
                      type="checkbox"
                      checked={item.done}
                      disabled={readOnly}
                      onChange={(e) => void write(() => setChecklistItemDone(item.id, e.target.checked))}
                    />{' '}
                    {item.text}
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
                  if (text)
                    void write(() => addChecklistItem(list.id, text)).then(
                      (err) => !err && setItems({ ...items, [list.id]: '' }),
                    );
                }}
              >
                <input
                  aria-label={`New item for ${list.title}`}
                  placeholder="Add an item"
                  value={items[list.id] ?? ''}
                  onChange={(e) => setItems({ ...items, [list.id]: e.target.value })}
                />
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
              if (checklistTitle.trim())
                void write(() => addChecklist(card.id, checklistTitle.trim())).then(
                  (err) => !err && setChecklistTitle(''),
                );
            }}
          >
            <input
              aria-label="New checklist title"
              placeholder="New checklist"
              value={checklistTitle}
              onChange={(e) => setChecklistTitle(e.target.value)}
            />
            <button type="submit">Add checklist</button>
          </form>
        )}
      </section>
      <section aria-labelledby="comments-title" className="panel-section">
        <h3 id="comments-title">Comments</h3>
        {comments.length === 0 && <p className="muted">No comments yet.</p>}
        {older.hasMore && (
          <p>
            <button type="button" onClick={older.loadMore} disabled={older.loading}>
              {older.loading ? 'Loading older comments…' : 'Show older comments'}
            </button>
          </p>
        )}
        {older.error && (
          <p role="alert" className="error">
            {older.error}
          </p>
        )}
        <ol className="comments">
          {comments.map((c) => (
            <li key={c.id}>
              <span className="muted">
                {c.author?.name ?? 'Someone'} · {when(c.createdAt)}
              </span>
              <p>
                <TextWithMentions text={c.body} people={c.mentions} />
              </p>
            </li>
          ))}
        </ol>
        {!readOnly && (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              const body = comment.stored().trim();
              setNotTold(null);
              if (body)
                void write(async () => {
                  const added = await addComment(card.id, body);
                  setNotTold(notToldWarning(added.unreachedMentions, comment, 'this card'));
                }).then((err) => !err && comment.reset());
            }}
          >
            <MentionTextarea
              label="New comment"
              placeholder="Write a comment; type @ to mention someone"
              mention={comment}
              candidates={(q, signal) => fetchMentionCandidates(card.id, q, signal)}
              candidatesKey={['cards', card.id]}
            />
            <button type="submit">Comment</button>
          </form>
        )}
        {notTold && (
          <p className="mention-warning" role="status">
            {notTold}
          </p>
        )}
      </section>
    </>
  );
}

type Comment = CardDetail['comments'][number];

/** Comments of both lists once each (the later list's version wins), oldest first. */
function mergeComments(a: Comment[], b: Comment[]): Comment[] {
  const byId = new Map([...a, ...b].map((c) => [c.id, c]));
  return [...byId.values()].sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id));
}

/**
 * The card carries its newest comments; older ones load a page at a time, before the oldest shown when the person
 * first asked. Once older comments are open, every comment the card has carried since is kept, so a new comment
 * that pushes the card's window on leaves no gap.
 */
function useOlderComments(card: CardDetail) {
  const [anchor, setAnchor] = useState<string | null>(null);
  const [kept, setKept] = useState<Comment[]>([]);
  const [lastSeen, setLastSeen] = useState(card.comments);
  if (lastSeen !== card.comments) {
    setLastSeen(card.comments);
    if (anchor) setKept(mergeComments(kept, card.comments));
  }
  const query = useInfiniteQuery({
    queryKey: ['cards', card.id, 'comments-before', anchor],
    queryFn: ({ pageParam, signal }) => fetchCommentsBefore(card.id, pageParam, signal),
    initialPageParam: anchor ?? '',
    getNextPageParam: (last: CommentPage) => (last.hasOlder ? last.comments[0]?.id : undefined),
    enabled: anchor !== null,
  });
  const pages = query.data?.pages ?? [];
  const older = [...pages].reverse().flatMap((p) => p.comments);
  return {
    comments: anchor ? mergeComments(older, mergeComments(kept, card.comments)) : card.comments,
    hasMore: anchor ? query.hasNextPage || (query.isPending && !query.error) : card.hasOlderComments,
    loading: query.isFetching,
    error: query.error ? `Older comments could not be loaded: ${query.error.message}` : null,
    loadMore: () => {
      if (!anchor) {
        setKept(card.comments);
        setAnchor(card.comments[0]?.id ?? null);
      } else void query.fetchNextPage();
    },
  };
}

import { activityActor, describeActivity, type SentenceOptions } from '@amb/shared/activity-sentence';
import './activity-line.css';

/** An activity entry as the API returns it in histories. */
export interface ActivityLineEntry {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  kind: string;
  field: string | null;
  from?: unknown;
  to?: unknown;
}

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const day = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/**
 * One line of history, in words: "Sam Rivera moved this from In progress to Review", with when. Names come from
 * `names` (by id). Used by the card panel's history and the stand-up view.
 */
export function ActivityLine({
  entry,
  names,
  cardId,
  card,
}: {
  entry: ActivityLineEntry;
  names: Record<string, string>;
  cardId?: string;
  card?: SentenceOptions['card'];
}) {
  const sentence = { ...entry, cardId, actorName: entry.actor?.name };
  const actor = activityActor(sentence);
  const what = describeActivity(sentence, (id) => names[id], { card, formatDate: day });
  return (
    <li className="activity-line">
      <time dateTime={entry.at} className="activity-when">
        {when(entry.at)}
      </time>{' '}
      <span className="activity-what">
        {actor && <strong>{actor}</strong>} {what}
      </span>
    </li>
  );
}

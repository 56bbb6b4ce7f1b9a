import { useId, useState, type KeyboardEvent, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { mentionsAsNames, mentionToken, splitMentions } from '@amb/shared/notifications';
import { useDebouncedValue } from '../lib/use-debounced-value';
import './mention-text.css';

export interface Person {
  id: string;
  name: string;
}

/** The `@word` being typed just before the caret, if any. */
function typedMention(text: string, caret: number) {
  const m = /(^|\s)@([^\s@]{0,40})$/.exec(text.slice(0, caret));
  return m ? { query: m[2]!, start: caret - m[2]!.length - 1 } : null;
}

/** Stored text as a person reads and edits it: each mention as `@Name` (anyone not named as `@someone`). */
export const shownText = (stored: string, people: Person[]) =>
  mentionsAsNames(stored, new Map(people.map((p) => [p.id, p.name])));

/** Text as written back into references: every `@Name` of a chosen person becomes `@[id]`, longest names first. */
const storedText = (text: string, chosen: Person[]) =>
  [...chosen]
    .sort((a, b) => b.name.length - a.name.length)
    .reduce((t, p) => t.split(`@${p.name}`).join(mentionToken(p.id)), text);

/**
 * Text with mentions as it is being written: shown as `@Name`, sent as references to people (`@[id]`), so the
 * stored text follows renames. `stored()` is what to send. Started from stored text, `known` names its mentions;
 * `onStored` hears the text to send after every change (for a form that keeps it).
 */
export function useMentionText(initial = '', known: Person[] = [], onStored?: (stored: string) => void) {
  const [state, setState] = useState(() => ({ text: shownText(initial, known), chosen: known }));
  return {
    text: state.text,
    /** The new text, and the person just picked into it, if one was. */
    setText: (text: string, picked?: Person) => {
      const chosen = picked && !state.chosen.some((p) => p.id === picked.id) ? [...state.chosen, picked] : state.chosen;
      setState({ text, chosen });
      onStored?.(storedText(text, chosen));
    },
    stored: () => storedText(state.text, state.chosen),
    /** A mentioned person's name as the writer picked it, for telling them who was not reached. */
    nameOf: (id: string) => state.chosen.find((p) => p.id === id)?.name ?? null,
    reset: () => setState({ text: '', chosen: [] }),
  };
}

/**
 * What the writer is told after saving when some of the people they mentioned cannot read it and so were not told
 * (the API's `unreachedMentions`); null when everyone was reached.
 */
export function notToldWarning(ids: string[], mention: { nameOf: (id: string) => string | null }, what: string) {
  if (!ids.length) return null;
  const names = ids.map((id) => {
    const name = mention.nameOf(id);
    return name ? `@${name}` : 'someone you mentioned';
  });
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]!;
  return `${list} ${ids.length > 1 ? 'were' : 'was'} not told: they cannot read ${what}.`;
}

interface Props {
  label: string;
  placeholder?: string;
  rows?: number;
  mention: ReturnType<typeof useMentionText>;
  /** Who may be mentioned here (the people who can read it), by what was typed. */
  candidates: (q: string, signal: AbortSignal) => Promise<Person[]>;
  /** What the candidates are cached under, beside the typed text. */
  candidatesKey: readonly unknown[];
  /** The box's other attributes (id, length limit, error links). */
  textareaProps?: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'onKeyDown'>;
  /** Keys the suggestions do not take (Enter with no list open, say). */
  onKeyDown?: (e: KeyboardEvent<HTMLTextAreaElement>) => void;
}

/**
 * A text box where typing `@` offers the people who can read what is written about, to pick by keyboard (arrows,
 * Enter or Tab, Escape) or mouse. A name that matches no reader is said at once: that person would not be told.
 */
export function MentionTextarea({
  label,
  placeholder,
  rows = 2,
  mention,
  candidates,
  candidatesKey,
  textareaProps,
  onKeyDown,
}: Props) {
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const typed = typedMention(mention.text, caret);
  const open = typed !== null && dismissed !== typed.start;
  const query = useDebouncedValue(typed?.query ?? '', 150);
  const found = useQuery({
    queryKey: [...candidatesKey, 'mention-candidates', query],
    queryFn: ({ signal }) => candidates(query, signal),
    enabled: open,
    staleTime: 30_000,
    // The last list stays up while the next is fetched, so Enter picks someone rather than falling through.
    placeholderData: keepPreviousData,
  });
  const people = open ? (found.data ?? []) : [];
  const pick = (person: Person) => {
    if (!typed) return;
    const before = mention.text.slice(0, typed.start);
    const after = mention.text.slice(caret);
    const inserted = `@${person.name} `;
    mention.setText(before + inserted + after, person);
    setCaret(before.length + inserted.length);
    setActive(0);
  };
  const settled = open && found.isSuccess && !found.isPlaceholderData && query === typed.query;

  return (
    <div className="mention-box">
      <textarea
        {...textareaProps}
        aria-label={label}
        placeholder={placeholder}
        rows={rows}
        value={mention.text}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={people.length > 0}
        aria-controls={listId}
        aria-activedescendant={people.length ? `${listId}-${Math.min(active, people.length - 1)}` : undefined}
        onChange={(e) => {
          mention.setText(e.target.value);
          setCaret(e.target.selectionStart);
          setActive(0);
          setDismissed(null);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={(e) => {
          if (!people.length) return onKeyDown?.(e);
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : people.length - 1)) % people.length);
          } else if (e.key === 'Enter' || e.key === 'Tab') {
            e.preventDefault();
            pick(people[Math.min(active, people.length - 1)]!);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            setDismissed(typed?.start ?? null);
          } else onKeyDown?.(e);
        }}
      />
      <ul id={listId} role="listbox" aria-label="People to mention" className="mention-list" hidden={!people.length}>
        {people.map((p, i) => (
          <li
            key={p.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === Math.min(active, people.length - 1)}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(p);
            }}
          >
            {p.name}
          </li>
        ))}
      </ul>
      {settled && !people.length && typed.query && (
        <p className="mention-warning" role="status">
          No one called “{typed.query}” can read this: they would not be told.
        </p>
      )}
    </div>
  );
}

/** Stored text with each mention shown by the person's current name. */
export function TextWithMentions({ text, people }: { text: string; people: Person[] }): ReactNode {
  const names = new Map(people.map((p) => [p.id, p.name]));
  return splitMentions(text).map((part, i) =>
    'text' in part ? (
      part.text
    ) : (
      <span key={i} className="mention">
        @{names.get(part.userId) ?? 'someone'}
      </span>
    ),
  );
}

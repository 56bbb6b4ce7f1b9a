import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import { TEAM_FILTER_MAX } from '@amb/shared/portfolio';
import { useTeams } from '../app/teams';
import { readTeams, withParams } from '../lib/period-filters';
import { useDismiss } from '../lib/use-dismiss';
import './team-choice.css';

export interface TeamOption {
  id: string;
  name: string;
}

/** Folds case and accents, so "cafe" finds "Café Team". */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();

/** The teams whose name holds the search, in the order given. */
export function matchTeams<T extends TeamOption>(teams: T[], search: string): T[] {
  const words = fold(search).split(/\s+/).filter(Boolean);
  return words.length ? teams.filter((t) => words.every((w) => fold(t.name).includes(w))) : teams;
}

/** By name, the teams chosen when the list opened first: with a hundred teams, what is chosen is not scrolled away. */
export function listOrder<T extends TeamOption>(teams: T[], pinned: ReadonlySet<string>): T[] {
  return [...teams].sort((a, b) => Number(pinned.has(b.id)) - Number(pinned.has(a.id)) || a.name.localeCompare(b.name));
}

/** What the button says the choice is: every team, one team by name, or how many of how many. */
export function choiceLabel(chosen: string[], teams: TeamOption[] | undefined): string {
  if (!chosen.length) return 'All teams';
  if (chosen.length === 1) return teams?.find((t) => t.id === chosen[0])?.name ?? '1 team';
  return teams ? `${chosen.length} of ${teams.length}` : `${chosen.length} teams`;
}

/**
 * The team choice of a cross-team page, kept in the URL (`teams=a,b`): none chosen means every team. Teams named
 * in the URL that the person cannot see (or that no longer exist) are left out of `chosen` and counted in
 * `unknown`, so a stale link still opens.
 */
export function useTeamChoice() {
  const [params, setParams] = useSearchParams();
  const teams = useTeams();
  const inUrl = readTeams(params);
  const chosen = teams ? inUrl.filter((id) => teams.some((t) => t.id === id)) : inUrl;
  const choose = (ids: string[]) =>
    setParams((now) => withParams(now, { teams: ids.join(',') || null }), { replace: true });
  return { teams, chosen, unknown: inUrl.length - chosen.length, choose };
}

interface Props {
  /** Every team there is to choose from; undefined while loading. */
  teams: TeamOption[] | undefined;
  /** The chosen team ids; none means every team. */
  chosen: string[];
  onChange: (ids: string[]) => void;
}

/**
 * A compact choice of several teams: a "Teams" button that opens a list with a search box and checkboxes. Quick
 * with five teams or a hundred: type to narrow, choose what is shown, clear to go back to every team. Each change
 * applies at once. Keyboard: the arrow keys move between the search and the teams, Enter in the search chooses the
 * first team shown, Escape closes.
 */
export function TeamChoice({ teams, chosen: given, onChange: report }: Props) {
  // The URL that holds the choice changes in a transition: until it has, the boxes show what was just ticked
  // (a controlled checkbox would otherwise spring back for a moment).
  const givenKey = given.join(',');
  const [draft, setDraft] = useState<{ over: string; ids: string[] } | null>(null);
  if (draft && draft.over !== givenKey) setDraft(null);
  const chosen = draft?.over === givenKey ? draft.ids : given;
  const onChange = (ids: string[]) => {
    setDraft({ over: givenKey, ids });
    report(ids);
  };
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set());
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const panelId = useId();
  const chosenSet = new Set(chosen);
  const shown = matchTeams(listOrder(teams ?? [], pinned), search);
  const full = chosen.length >= TEAM_FILTER_MAX;
  const label = choiceLabel(chosen, teams);

  const show = () => {
    setPinned(new Set(chosen));
    setOpen(true);
  };
  const close = (focusButton: boolean) => {
    setOpen(false);
    setSearch('');
    if (focusButton) button.current?.focus();
  };
  // A press outside closes the list (focus moving out is handled on blur), and so does Escape when focus has
  // fallen to the page (Escape within the list is handled, and stopped, on the list).
  useDismiss(open, root, (how) => close(how === 'escape'));

  // Emptying the search lists the teams afresh, the chosen ones first (so what a search chose is in sight).
  const find = (text: string, chosenNow = chosen) => {
    setSearch(text);
    if (!text.trim()) setPinned(new Set(chosenNow));
  };
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((c) => c !== id));
  // Both buttons below go away or turn off once pressed, so focus goes back to the search, not to the page.
  const addShown = () => {
    onChange([...chosen, ...shown.filter((t) => !chosenSet.has(t.id)).map((t) => t.id)].slice(0, TEAM_FILTER_MAX));
    searchBox.current?.focus();
  };
  const clear = () => {
    onChange([]);
    searchBox.current?.focus();
  };

  const boxes = () => [
    ...(root.current?.querySelectorAll<HTMLInputElement>('.team-choice-list input:not(:disabled)') ?? []),
  ];
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!open) return;
    if (e.key === 'Escape') {
      e.stopPropagation();
      close(true);
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const list = boxes();
    const at = list.indexOf(document.activeElement as HTMLInputElement);
    if (at === -1 && document.activeElement !== searchBox.current) return;
    e.preventDefault();
    const next = e.key === 'ArrowDown' ? at + 1 : at - 1;
    if (next < 0) searchBox.current?.focus();
    else list[Math.min(next, list.length - 1)]?.focus();
  };
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const first = shown[0];
    const next = first && !chosenSet.has(first.id) && !full ? [...chosen, first.id] : chosen;
    if (next !== chosen) onChange(next);
    find('', next);
  };

  return (
    <div
      className="team-choice"
      ref={root}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        // Closes when focus moves to another control of the page (Tab past the last one, or a click on one).
        if (open && e.relatedTarget && !root.current?.contains(e.relatedTarget)) close(false);
      }}
    >
      <button
        type="button"
        ref={button}
        className="team-choice-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Teams: ${label}`}
        onClick={() => (open ? close(false) : show())}
        onKeyDown={(e) => e.key === 'ArrowDown' && !open && (e.preventDefault(), show())}
      >
        Teams <span className={`team-choice-value ${chosen.length ? 'some' : ''}`}>{label}</span>
        <span aria-hidden="true" className="team-choice-caret">
          ▾
        </span>
      </button>
      {open && (
        <div className="team-choice-panel" id={panelId} role="group" aria-label="Choose teams">
          <input
            ref={searchBox}
            type="search"
            className="team-choice-search"
            aria-label="Find a team"
            placeholder={teams && teams.length > 8 ? `Find among ${teams.length} teams` : 'Find a team'}
            value={search}
            onChange={(e) => find(e.target.value)}
            onKeyDown={onSearchKey}
            autoFocus
          />
          <div className="team-choice-summary">
            <span className="team-choice-count" role="status">
              {chosen.length ? `${chosen.length} chosen` : 'All teams'}
            </span>
            <span className="visually-hidden" role="status">
              {search.trim() ? `${shown.length} ${shown.length === 1 ? 'team' : 'teams'} found` : ''}
            </span>
            {search.trim() && shown.length > 0 && shown.some((t) => !chosenSet.has(t.id)) && (
              <button type="button" onClick={addShown} disabled={full}>
                Choose the {shown.length} found
              </button>
            )}
            <button type="button" onClick={clear} disabled={!chosen.length}>
              Clear<span className="visually-hidden"> the team choice</span>
            </button>
          </div>
          {!teams ? (
            <p className="team-choice-empty" role="status">
              Loading the teams…
            </p>
          ) : shown.length === 0 ? (
            <p className="team-choice-empty">
              {teams.length ? `No team matches “${search.trim()}”.` : 'You are on no team yet.'}{' '}
              {teams.length > 0 && (
                <button
                  type="button"
                  className="team-choice-link"
                  onClick={() => (find(''), searchBox.current?.focus())}
                >
                  Clear the search
                </button>
              )}
            </p>
          ) : (
            <fieldset className="team-choice-list">
              <legend className="visually-hidden">Teams to show</legend>
              {shown.map((t) => (
                <label key={t.id}>
                  <input
                    type="checkbox"
                    checked={chosenSet.has(t.id)}
                    disabled={full && !chosenSet.has(t.id)}
                    onChange={(e) => toggle(t.id, e.target.checked)}
                  />
                  <span>{t.name}</span>
                </label>
              ))}
            </fieldset>
          )}
          {full && (
            <p className="team-choice-note">
              At most {TEAM_FILTER_MAX} teams at once; clear the choice to see every team.
            </p>
          )}
          <button type="button" className="team-choice-done" onClick={() => close(true)}>
            Done
          </button>
        </div>
      )}
    </div>
  );
}

/** Says that the link named teams the person cannot see (or that are gone), which the page leaves out; offers to drop them. */
export function LeftOutTeams({ choice }: { choice: ReturnType<typeof useTeamChoice> }) {
  const n = choice.unknown;
  if (!n) return null;
  return (
    <p className="team-choice-unknown" role="status">
      {n === 1 ? 'A team in this link is' : `${n} teams in this link are`} not one you can see, so{' '}
      {n === 1 ? 'it is' : 'they are'} left out.{' '}
      <button type="button" className="team-choice-link" onClick={() => choice.choose(choice.chosen)}>
        Remove from the link
      </button>
    </p>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { boardViewSchema, type Column, type Swimlane } from '@amb/shared/boards';
import { api, ApiError } from '../../lib/api-client';
import { useEscapeKey } from '../../lib/use-escape-key';
import { useAuthStore } from '../../app/auth-store';
import { useTeam } from '../../app/teams';
import './columns.css';

/** A WIP limit (empty: none) and its policy, saved as soon as they change. */
function LimitControls({ of, wipLimit, wipPolicy, save }: { of: string; wipLimit: number | null; wipPolicy: string; save: (body: object) => Promise<boolean> }) {
  return (
    <>
      <input
        aria-label={`WIP limit of ${of}`}
        type="number"
        min={1}
        placeholder="No limit"
        defaultValue={wipLimit ?? ''}
        onBlur={(e) => {
          const value = e.target.value === '' ? null : Number(e.target.value);
          if (value !== wipLimit) void save({ wipLimit: value });
        }}
      />
      <select aria-label={`WIP policy of ${of}`} value={wipPolicy} onChange={(e) => void save({ wipPolicy: e.target.value })}>
        <option value="SOFT">Soft (warn)</option>
        <option value="HARD">Hard (refuse)</option>
      </select>
    </>
  );
}

/** A name and a button: adds a column or a swimlane, and empties itself when that worked. */
function AddByName({ label, placeholder, button, add }: { label: string; placeholder: string; button: string; add: (name: string) => Promise<boolean> }) {
  const [name, setName] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) void add(name.trim()).then((ok) => ok && setName(''));
      }}
    >
      <input aria-label={label} placeholder={placeholder} value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit">{button}</button>
    </form>
  );
}

const flowNames = { BACKLOG: 'Backlog', TODO: 'To do', IN_PROGRESS: 'In progress', DONE: 'Done' } as const;

/** The board's layout for scrum masters and admins: columns and swimlanes, their order and WIP limits. */
export function ColumnsDialog() {
  const { teamId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { team } = useTeam(teamId);
  const me = useAuthStore((s) => s.me);
  const boardId = team?.boards[0]?.id;
  const [columns, setColumns] = useState<Column[] | null>(null);
  const [lanes, setLanes] = useState<Swimlane[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const close = useCallback(() => navigate({ pathname: `/teams/${teamId}/board`, search: params.toString() }), [navigate, teamId, params]);

  const fetchLayout = useCallback(async () => {
    if (!boardId) return;
    const view = await api('GET', `/boards/${boardId}`, { schema: boardViewSchema });
    setColumns(view.columns);
    setLanes(view.swimlanes);
  }, [boardId]);

  useEffect(() => {
    if (!boardId) return;
    api('GET', `/boards/${boardId}`, { schema: boardViewSchema })
      .then((view) => {
        setColumns(view.columns);
        setLanes(view.swimlanes);
      })
      .catch((e: Error) => setMessage(e.message));
  }, [boardId]);
  useEscapeKey(close);

  const change = async (action: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await action();
      await fetchLayout();
      return true;
    } catch (e) {
      setMessage(e instanceof ApiError ? (e.fields[0] ? `${e.fields[0].field.replace('body.', '')} ${e.fields[0].message}` : e.message) : (e as Error).message);
      return false;
    }
  };
  const canManage = team?.myRole === 'SCRUM_MASTER' || me?.user.orgRole === 'ADMIN';

  return (
    <aside className="columns-dialog" role="dialog" aria-label="Board columns">
      <div className="dialog-head">
        <h2>Columns and swimlanes</h2>
        <button type="button" onClick={close} aria-label="Close">
          ×
        </button>
      </div>
      {!canManage && <p role="alert">Only a scrum master or an admin can change the board layout.</p>}
      {message && (
        <p role="alert" className="notice error">
          {message}
        </p>
      )}
      {canManage && !columns && <p role="status">Loading…</p>}
      {canManage && columns && (
        <>
          <ol className="layout-list">
            {columns.map((c, i) => (
              <li key={c.id} aria-label={`Column ${c.name}`}>
                <input aria-label={`Name of column ${c.name}`} defaultValue={c.name} onBlur={(e) => e.target.value.trim() !== c.name && void change(() => api('PATCH', `/columns/${c.id}`, { body: { name: e.target.value } }))} />
                <select aria-label={`Flow of ${c.name}`} value={c.flowCategory} onChange={(e) => void change(() => api('PATCH', `/columns/${c.id}`, { body: { flowCategory: e.target.value } }))}>
                  {Object.entries(flowNames).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
                <LimitControls of={c.name} wipLimit={c.wipLimit} wipPolicy={c.wipPolicy} save={(body) => change(() => api('PATCH', `/columns/${c.id}`, { body }))} />
                <button type="button" disabled={i === 0} aria-label={`Move ${c.name} left`} onClick={() => void change(() => api('PATCH', `/columns/${c.id}`, { body: { position: i - 1 } }))}>
                  ←
                </button>
                <button type="button" disabled={i === columns.length - 1} aria-label={`Move ${c.name} right`} onClick={() => void change(() => api('PATCH', `/columns/${c.id}`, { body: { position: i + 1 } }))}>
                  →
                </button>
                <button type="button" aria-label={`Delete column ${c.name}`} onClick={() => void change(() => api('DELETE', `/columns/${c.id}`))}>
                  Delete
                </button>
              </li>
            ))}
          </ol>
          <AddByName label="New column name" placeholder="New column" button="Add column" add={(name) => change(() => api('POST', '/columns', { body: { boardId, name } }))} />
          <h3>Swimlanes</h3>
          {lanes.length === 0 && <p className="muted">No swimlanes: every card is in one row.</p>}
          <ol className="layout-list">
            {lanes.map((l) => (
              <li key={l.id} aria-label={`Swimlane ${l.name}`}>
                <input aria-label={`Name of swimlane ${l.name}`} defaultValue={l.name} onBlur={(e) => e.target.value.trim() !== l.name && void change(() => api('PATCH', `/swimlanes/${l.id}`, { body: { name: e.target.value } }))} />
                <LimitControls of={`swimlane ${l.name}`} wipLimit={l.wipLimit} wipPolicy={l.wipPolicy} save={(body) => change(() => api('PATCH', `/swimlanes/${l.id}`, { body }))} />
                <button type="button" aria-label={`Delete swimlane ${l.name}`} onClick={() => void change(() => api('DELETE', `/swimlanes/${l.id}`))}>
                  Delete
                </button>
              </li>
            ))}
          </ol>
          <AddByName label="New swimlane name" placeholder="New swimlane (e.g. Expedite)" button="Add swimlane" add={(name) => change(() => api('POST', '/swimlanes', { body: { boardId, name } }))} />
          <p className="muted">Changes apply at once; everyone looking at the board sees them.</p>
        </>
      )}
    </aside>
  );
}

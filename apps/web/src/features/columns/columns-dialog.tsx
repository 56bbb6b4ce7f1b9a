import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { createColumnBodySchema } from '@amb/shared/boards';
import { useTeamAbility } from '../../app/team-access';
import { useTeam } from '../../app/teams';
import { useConfirm } from '../../components/confirm-dialog';
import { FieldError } from '../../components/field-error';
import { QueryState } from '../../components/query-state';
import { ApiError } from '../../lib/api-client';
import { flowCategoryNames } from '@amb/shared/flow-category-names';
import { applyApiErrors } from '../../lib/form-errors';
import { useEscapeKey } from '../../lib/use-escape-key';
import {
  addColumn,
  addSwimlane,
  boardLayoutQuery,
  changeColumn,
  changeSwimlane,
  deleteColumn,
  deleteSwimlane,
} from './api';
import './columns.css';

/** A WIP limit (empty: none) and its policy, saved as soon as they change. */
function LimitControls({
  of,
  wipLimit,
  wipPolicy,
  save,
}: {
  of: string;
  wipLimit: number | null;
  wipPolicy: string;
  save: (body: object) => Promise<boolean>;
}) {
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
      <select
        aria-label={`WIP policy of ${of}`}
        value={wipPolicy}
        onChange={(e) => void save({ wipPolicy: e.target.value })}
      >
        <option value="SOFT">Soft (warn)</option>
        <option value="HARD">Hard (refuse)</option>
      </select>
    </>
  );
}

const nameForm = createColumnBodySchema.pick({ name: true });

/** A name and a button: adds a column or a swimlane, and empties itself when that worked. */
function AddByName({
  label,
  placeholder,
  button,
  add,
}: {
  label: string;
  placeholder: string;
  button: string;
  add: (name: string) => Promise<unknown>;
}) {
  const id = label.toLowerCase().replace(/\W+/g, '-');
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<{ name: string }>({ resolver: zodResolver(nameForm), defaultValues: { name: '' } });
  const submit = handleSubmit(async ({ name }) => {
    try {
      await add(name);
      reset();
    } catch (error) {
      const message = applyApiErrors(error, setError, ['name']);
      if (message) setError('root', { message });
    }
  });
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <input
        aria-label={label}
        placeholder={placeholder}
        aria-invalid={errors.name ? true : undefined}
        aria-describedby={errors.name ? `${id}-error` : undefined}
        {...register('name')}
      />
      <button type="submit" disabled={isSubmitting}>
        {button}
      </button>
      <FieldError id={`${id}-error`} label="Name" error={errors.name} />
      {errors.root && (
        <span role="alert" className="field-error">
          {errors.root.message}
        </span>
      )}
    </form>
  );
}

/** The board's layout for scrum masters and admins: columns and swimlanes, their order and WIP limits. */
export function ColumnsDialog() {
  const { teamId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { team } = useTeam(teamId);
  const may = useTeamAbility(teamId);
  const boardId = team?.boards[0]?.id ?? '';
  const layout = useQuery({ ...boardLayoutQuery(boardId), enabled: Boolean(boardId) });
  const [message, setMessage] = useState<string | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const close = useCallback(
    () => navigate({ pathname: `/teams/${teamId}/board`, search: params.toString() }),
    [navigate, teamId, params],
  );
  useEscapeKey(close);

  const change = async (action: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await action();
      await queryClient.invalidateQueries({ queryKey: boardLayoutQuery(boardId).queryKey });
      return true;
    } catch (e) {
      setMessage(
        e instanceof ApiError
          ? e.fields[0]
            ? `${e.fields[0].field.replace('body.', '')} ${e.fields[0].message}`
            : e.message
          : (e as Error).message,
      );
      return false;
    }
  };
  const add = async (action: () => Promise<unknown>) => {
    await action();
    setMessage(null);
    await queryClient.invalidateQueries({ queryKey: boardLayoutQuery(boardId).queryKey });
  };
  const remove = async (what: 'column' | 'swimlane', name: string, action: () => Promise<unknown>) => {
    const ok = await confirm({
      title: `Delete ${what} ${name}?`,
      message:
        what === 'column' ? (
          <p>
            The column and its WIP limit go. A column that still holds cards cannot be deleted: move or archive them
            first.
          </p>
        ) : (
          <p>The swimlane and its WIP limit go; its cards stay on the board without a swimlane.</p>
        ),
      confirmLabel: `Delete ${what}`,
    });
    if (ok) await change(action);
  };
  const canManage = may('manage-board');

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
      {canManage && (
        <QueryState query={layout} loading="Loading the board layout…" failed="The board layout could not be loaded">
          {({ columns, swimlanes: lanes }) => (
            <>
              <ol className="layout-list">
                {columns.map((c, i) => (
                  <li key={c.id} aria-label={`Column ${c.name}`}>
                    <input
                      aria-label={`Name of column ${c.name}`}
                      defaultValue={c.name}
                      onBlur={(e) =>
                        e.target.value.trim() !== c.name &&
                        void change(() => changeColumn(c.id, { name: e.target.value }))
                      }
                    />
                    <select
                      aria-label={`Flow of ${c.name}`}
                      value={c.flowCategory}
                      onChange={(e) => void change(() => changeColumn(c.id, { flowCategory: e.target.value }))}
                    >
                      {Object.entries(flowCategoryNames).map(([value, label]) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                    <LimitControls
                      of={c.name}
                      wipLimit={c.wipLimit}
                      wipPolicy={c.wipPolicy}
                      save={(body) => change(() => changeColumn(c.id, body))}
                    />
                    <label className="requires-approval">
                      <input
                        type="checkbox"
                        checked={c.requiresApproval}
                        onChange={(e) => void change(() => changeColumn(c.id, { requiresApproval: e.target.checked }))}
                      />
                      Cards leave {c.name} only once approved
                    </label>
                    {(c.flowCategory === 'TODO' || c.flowCategory === 'IN_PROGRESS') && (
                      // Backlog and done do not age; elsewhere the stand-up lists a card that sat longer than this.
                      <label
                        className="aging-days"
                        title="The stand-up lists cards that sit in this column longer than this"
                      >
                        <input
                          aria-label={`Days before a card in ${c.name} is aging`}
                          type="number"
                          min={1}
                          max={365}
                          defaultValue={c.agingDays}
                          onBlur={(e) =>
                            e.target.valueAsNumber !== c.agingDays &&
                            void change(() => changeColumn(c.id, { agingDays: e.target.valueAsNumber }))
                          }
                        />
                        <span aria-hidden="true">days before aging</span>
                      </label>
                    )}
                    <button
                      type="button"
                      disabled={i === 0}
                      aria-label={`Move ${c.name} left`}
                      onClick={() => void change(() => changeColumn(c.id, { position: i - 1 }))}
                    >
                      ←
                    </button>
                    <button
                      type="button"
                      disabled={i === columns.length - 1}
                      aria-label={`Move ${c.name} right`}
                      onClick={() => void change(() => changeColumn(c.id, { position: i + 1 }))}
                    >
                      →
                    </button>
                    <button
                      type="button"
                      aria-label={`Delete column ${c.name}`}
                      onClick={() => void remove('column', c.name, () => deleteColumn(c.id))}
                    >
                      Delete
                    </button>
                  </li>
                ))}
              </ol>
              <AddByName
                label="New column name"
                placeholder="New column"
                button="Add column"
                add={(name) => add(() => addColumn(boardId, name))}
              />
              <h3>Swimlanes</h3>
              {lanes.length === 0 && <p className="muted">No swimlanes: every card is in one row.</p>}
              <ol className="layout-list">
                {lanes.map((l) => (
                  <li key={l.id} aria-label={`Swimlane ${l.name}`}>
                    <input
                      aria-label={`Name of swimlane ${l.name}`}
                      defaultValue={l.name}
                      onBlur={(e) =>
                        e.target.value.trim() !== l.name &&
                        void change(() => changeSwimlane(l.id, { name: e.target.value }))
                      }
                    />
                    <LimitControls
                      of={`swimlane ${l.name}`}
                      wipLimit={l.wipLimit}
                      wipPolicy={l.wipPolicy}
                      save={(body) => change(() => changeSwimlane(l.id, body))}
                    />
                    <button
                      type="button"
                      aria-label={`Delete swimlane ${l.name}`}
                      onClick={() => void remove('swimlane', l.name, () => deleteSwimlane(l.id))}
                    >
                      Delete
                    </button>
                  </li>
                ))}
              </ol>
              <AddByName
                label="New swimlane name"
                placeholder="New swimlane (e.g. Expedite)"
                button="Add swimlane"
                add={(name) => add(() => addSwimlane(boardId, name))}
              />
              <p className="muted">Changes apply at once; everyone looking at the board sees them.</p>
            </>
          )}
        </QueryState>
      )}
      {confirmDialog}
    </aside>
  );
}

import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import type { FlowCategory } from '@amb/domain/card-timeline';
import { flowOrder } from '@amb/domain/portfolio-stages';
import {
  createStageBodySchema,
  renameStageBodySchema,
  type PortfolioStage,
  type StageMapping,
} from '@amb/shared/portfolio-stages';
import { useAuthStore } from '../../app/auth-store';
import { ActionMessage, useActionMessage } from '../../components/action-message';
import { useConfirm } from '../../components/confirm-dialog';
import { FieldError } from '../../components/field-error';
import { QueryState } from '../../components/query-state';
import { applyApiErrors } from '../../lib/form-errors';
import {
  useCreateStage,
  useMapColumn,
  useRemoveStage,
  useRenameStage,
  useReorderStages,
  useStageMapping,
  useStageRecount,
} from './api';
import { periodSearch, readPeriod } from '../../lib/period-filters';
import { flowCategoryNames } from '@amb/shared/flow-category-names';
import { stageColour } from './stages';
import './dashboard.css';
import { ScrollBox } from '../../components/scroll-box';

type Say = ReturnType<typeof useActionMessage>;

/**
 * The PMO's portfolio stages: the ordered stages every team's board maps onto (add, rename, move, remove) and,
 * below, each team's columns with the stage each counts in. Cumulative flow and aging use them.
 */
export function StagesPage() {
  const [params] = useSearchParams();
  const mapping = useStageMapping();
  const orgRole = useAuthStore((s) => s.me?.user.orgRole);
  const canEdit = orgRole === 'PMO' || orgRole === 'ADMIN';
  const said = useActionMessage();
  const recounting = useStageRecount();
  return (
    <section className="dashboard" aria-labelledby="stages-title">
      <p className="breadcrumbs">
        <Link to={`/dashboard?${periodSearch(readPeriod(params))}`}>Portfolio</Link> › Portfolio stages
      </p>
      <header className="dashboard-header">
        <h1 id="stages-title">Portfolio stages</h1>
      </header>
      <p className="chart-summary">
        Every team’s columns count in one of these stages, so cumulative flow and aging compare teams whose boards
        differ. Each stage belongs to a flow category; a column counts in the first stage of its flow category unless it
        is mapped to another below.
      </p>
      {!canEdit && <p className="muted">Only the PMO or an admin can change the stages and the mapping.</p>}
      <ActionMessage message={said.message} />
      <p className="recount-progress" role="status">
        {recounting > 0 &&
          `Recounting arrivals under the new stages: ${recounting} team${recounting === 1 ? '' : 's'} left. Until then the charts show those teams as counted before the change.`}
      </p>
      <QueryState query={mapping} loading="Loading the stages…" failed="The stages could not be loaded">
        {(data) => (
          <>
            <StageList stages={data.stages} canEdit={canEdit} said={said} />
            {canEdit && <AddStageForm said={said} />}
            <ColumnMapping data={data} canEdit={canEdit} said={said} />
          </>
        )}
      </QueryState>
    </section>
  );
}

function StageList({ stages, canEdit, said }: { stages: PortfolioStage[]; canEdit: boolean; said: Say }) {
  const reorder = useReorderStages();
  const remove = useRemoveStage();
  const [confirm, dialog] = useConfirm();
  const move = (i: number, by: -1 | 1) => {
    const ids = stages.map((s) => s.id);
    [ids[i], ids[i + by]] = [ids[i + by]!, ids[i]!];
    reorder.mutate(ids, {
      onSuccess: () => said.say(`Moved ${stages[i]!.name} ${by < 0 ? 'up' : 'down'}.`),
      onError: said.fail,
    });
  };
  const removeStage = async (stage: PortfolioStage) => {
    const ok = await confirm({
      title: `Remove the stage ${stage.name}?`,
      message: `Columns mapped to ${stage.name} go back to the first ${flowCategoryNames[stage.flowCategory].toLowerCase()} stage, and the charts are recounted.`,
      confirmLabel: 'Remove stage',
    });
    if (ok) remove.mutate(stage.id, { onSuccess: () => said.say(`Removed ${stage.name}.`), onError: said.fail });
  };
  return (
    <div className="chart-section">
      <h2 className="stages-heading">Stages, in order</h2>
      <ol className="stage-list">
        {stages.map((stage, i) => {
          const alone = stages.filter((s) => s.flowCategory === stage.flowCategory).length === 1;
          return (
            <li key={stage.id} className="stage-row">
              <span className="stage-swatch" style={{ background: stageColour(stage, stages) }} aria-hidden="true" />
              {canEdit ? <RenameStageForm stage={stage} said={said} /> : <strong>{stage.name}</strong>}
              <span className="muted stage-category">{flowCategoryNames[stage.flowCategory]}</span>
              {canEdit && (
                <span className="stage-actions">
                  <button
                    type="button"
                    disabled={stages[i - 1]?.flowCategory !== stage.flowCategory || reorder.isPending}
                    onClick={() => move(i, -1)}
                  >
                    Up<span className="visually-hidden"> {stage.name}</span>
                  </button>
                  <button
                    type="button"
                    disabled={stages[i + 1]?.flowCategory !== stage.flowCategory || reorder.isPending}
                    onClick={() => move(i, 1)}
                  >
                    Down<span className="visually-hidden"> {stage.name}</span>
                  </button>
                  <button
                    type="button"
                    disabled={alone || remove.isPending}
                    title={alone ? 'The only stage of its flow category stays' : undefined}
                    onClick={() => void removeStage(stage)}
                  >
                    Remove<span className="visually-hidden"> {stage.name}</span>
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {canEdit && (
        <p className="muted stage-note">
          Stages move within their flow category; the only stage of a flow category cannot be removed.
        </p>
      )}
      {dialog}
    </div>
  );
}

function RenameStageForm({ stage, said }: { stage: PortfolioStage; said: Say }) {
  const rename = useRenameStage();
  const form = useForm<{ name: string }>({ values: { name: stage.name } });
  const submit = form.handleSubmit(({ name }) => {
    const parsed = renameStageBodySchema.safeParse({ name });
    if (!parsed.success) return form.setError('name', { message: parsed.error.issues[0]!.message });
    if (parsed.data.name === stage.name) return;
    rename.mutate(
      { stageId: stage.id, name: parsed.data.name },
      {
        onSuccess: (s) => said.say(`Renamed ${stage.name} to ${s.name}.`),
        onError: (error) =>
          said.sayError(applyApiErrors(error, form.setError, ['name']) ?? `${stage.name} was not renamed.`),
      },
    );
  });
  const error = form.formState.errors.name;
  return (
    <form className="stage-rename" onSubmit={submit} noValidate>
      <label className="visually-hidden" htmlFor={`stage-${stage.id}`}>
        Name of the stage {stage.name}
      </label>
      <input
        id={`stage-${stage.id}`}
        {...form.register('name')}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `stage-${stage.id}-error` : undefined}
      />
      <button type="submit" disabled={rename.isPending}>
        Rename<span className="visually-hidden"> {stage.name}</span>
      </button>
      <FieldError id={`stage-${stage.id}-error`} label="The name" error={error} />
    </form>
  );
}

function AddStageForm({ said }: { said: Say }) {
  const create = useCreateStage();
  const form = useForm<{ name: string; flowCategory: FlowCategory }>({
    defaultValues: { name: '', flowCategory: 'IN_PROGRESS' },
  });
  const submit = form.handleSubmit((values) => {
    const parsed = createStageBodySchema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        form.setError(issue.path[0] as 'name' | 'flowCategory', { message: issue.message });
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: (stage) => {
        said.say(`Added ${stage.name} after the last ${flowCategoryNames[stage.flowCategory].toLowerCase()} stage.`);
        form.reset({ name: '', flowCategory: stage.flowCategory });
      },
      onError: (error) =>
        said.sayError(applyApiErrors(error, form.setError, ['name', 'flowCategory']) ?? 'The stage was not added.'),
    });
  });
  const error = form.formState.errors.name;
  return (
    <form className="forecast-form chart-section" onSubmit={submit} noValidate aria-labelledby="add-stage-title">
      <h2 id="add-stage-title" className="stages-heading">
        Add a stage
      </h2>
      <label>
        Name
        <input
          {...form.register('name')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'new-stage-error' : undefined}
        />
      </label>
      <label>
        Flow category
        <select {...form.register('flowCategory')}>
          {flowOrder.map((c) => (
            <option key={c} value={c}>
              {flowCategoryNames[c]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={create.isPending}>
        Add stage
      </button>
      <FieldError id="new-stage-error" label="The name" error={error} />
    </form>
  );
}

function ColumnMapping({ data, canEdit, said }: { data: StageMapping; canEdit: boolean; said: Say }) {
  const map = useMapColumn();
  const name = new Map(data.stages.map((s) => [s.id, s.name]));
  return (
    <div className="chart-section">
      <h2 className="stages-heading">Each team’s columns</h2>
      {data.teams.length === 0 && <p className="chart-empty">No team to map yet.</p>}
      <div className="stage-teams">
        {data.teams.map((team) => (
          <ScrollBox key={team.id} label={`Columns of ${team.name}`}>
            <table className="data-table portfolio-table">
              <caption className="stage-team">{team.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">Flow category</th>
                  <th scope="col">Counts in stage</th>
                </tr>
              </thead>
              <tbody>
                {team.columns.length === 0 && (
                  <tr>
                    <td colSpan={3} className="muted">
                      This team has no board yet.
                    </td>
                  </tr>
                )}
                {team.columns.map((column) => {
                  const choices = data.stages.filter((s) => s.flowCategory === column.flowCategory);
                  const label = `Stage for ${team.name}, ${column.name}`;
                  return (
                    <tr key={column.id}>
                      <th scope="row">{column.name}</th>
                      <td>{flowCategoryNames[column.flowCategory]}</td>
                      <td>
                        {canEdit && choices.length > 1 ? (
                          <select
                            aria-label={label}
                            value={column.stageId === choices[0]!.id ? '' : column.stageId}
                            disabled={map.isPending}
                            onChange={(e) =>
                              map.mutate(
                                { columnId: column.id, stageId: e.target.value || null },
                                {
                                  onSuccess: (c) =>
                                    said.say(`${team.name}: ${c.name} now counts in ${name.get(c.stageId)}.`),
                                  onError: said.fail,
                                },
                              )
                            }
                          >
                            <option value="">{choices[0]!.name} (default)</option>
                            {choices.slice(1).map((s) => (
                              <option key={s.id} value={s.id}>
                                {s.name}
                              </option>
                            ))}
                          </select>
                        ) : (
                          name.get(column.stageId)
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollBox>
        ))}
      </div>
    </div>
  );
}

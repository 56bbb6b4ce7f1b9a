import { blockerCategories, type BlockerCategory } from '@amb/shared/activity';
import { blockerCategoryLabels } from '@amb/shared/activity-sentence';
import { useState } from 'react';
import { useForm, useWatch, type FieldError as HookFieldError, type FieldErrors, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import Markdown from 'react-markdown';
import { updateCardBodySchema, type CardDetail, type UpdateCardBody } from '@amb/shared/cards';
import type { Principle } from '@amb/shared/principles';
import type { ApiError } from '../../lib/api-client';
import { applyApiErrors } from '../../lib/form-errors';
import { FieldError } from '../../components/field-error';
import { MentionTextarea, notToldWarning, useMentionText } from '../../components/mention-text';
import { fetchMentionCandidates, updateCard } from './api';

export interface Person {
  id: string;
  name: string;
}

export type Write = (action: () => Promise<unknown>, saved?: string | (() => string)) => Promise<ApiError | null>;

const fieldNames: Record<string, string> = {
  title: 'the title',
  description: 'the description',
  type: 'the type',
  estimate: 'the estimate',
  startDate: 'the start date',
  dueDate: 'the due date',
  labels: 'the labels',
  ownerIds: 'the owners',
  principleIds: 'the principles',
  blocked: 'the obstacle',
  blockedReason: 'the obstacle',
  hypothesis: 'the hypothesis',
  metric: 'the metric',
  experimentResult: 'the result',
};

const dayOf = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

/** Descriptions are Markdown, shown without any HTML: tags appear as text, and links open safely. */
export function SafeMarkdown({ text }: { text: string }) {
  return (
    <Markdown
      components={{
        a: ({ href, children }) => (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {children}
          </a>
        ),
      }}
    >
      {text}
    </Markdown>
  );
}

/** The form as typed: the estimate and labels as text, the lists as ids. */
interface CardForm {
  title: string;
  description: string;
  type: CardDetail['type'];
  estimate: string;
  startDate: string;
  dueDate: string;
  labels: string;
  ownerIds: string[];
  principleIds: string[];
  blocked: boolean;
  blockedReason: string;
  blockerCategory: string;
  hypothesis: string;
  metric: string;
  experimentResult: string;
}
type Field = keyof CardForm;
const formFields: readonly Field[] = [
  'title',
  'description',
  'type',
  'estimate',
  'startDate',
  'dueDate',
  'labels',
  'ownerIds',
  'principleIds',
  'blocked',
  'blockedReason',
  'blockerCategory',
  'hypothesis',
  'metric',
  'experimentResult',
];

const formOf = (card: CardDetail): CardForm => ({
  title: card.title,
  description: card.description,
  type: card.type,
  estimate: card.estimate === null ? '' : String(card.estimate),
  startDate: dayOf(card.startDate),
  dueDate: dayOf(card.dueDate),
  labels: card.labels.join(', '),
  ownerIds: card.ownerIds,
  principleIds: card.principleIds,
  blocked: card.blocked,
  blockedReason: card.blockedReason ?? '',
  blockerCategory: card.blockerCategory ?? '',
  hypothesis: card.hypothesis ?? '',
  metric: card.metric ?? '',
  experimentResult: card.experimentResult ?? '',
});

const sameSet = (a: string[], b: string[]) => [...a].sort().join() === [...b].sort().join();

/** What changed, as the API's update body, with the version the form was based on. */
function changesOf(form: CardForm, card: CardDetail): UpdateCardBody {
  const body: UpdateCardBody = { version: card.version };
  const labels = form.labels
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  const estimate = form.estimate.trim() === '' ? null : Number(form.estimate);
  if (form.title !== card.title) body.title = form.title;
  if (form.description !== card.description) body.description = form.description;
  if (form.type !== card.type) body.type = form.type;
  if (estimate !== card.estimate) body.estimate = estimate;
  if (form.startDate !== dayOf(card.startDate)) body.startDate = form.startDate || null;
  if (form.dueDate !== dayOf(card.dueDate)) body.dueDate = form.dueDate || null;
  if (labels.join(',') !== card.labels.join(',')) body.labels = labels;
  if (!sameSet(form.ownerIds, card.ownerIds)) body.ownerIds = form.ownerIds;
  if (!sameSet(form.principleIds, card.principleIds)) body.principleIds = form.principleIds;
  if (form.blocked !== card.blocked) body.blocked = form.blocked;
  if (form.blocked && form.blockedReason !== (card.blockedReason ?? '')) body.blockedReason = form.blockedReason;
  if (form.blocked && form.blockerCategory !== (card.blockerCategory ?? ''))
    body.blockerCategory = (form.blockerCategory || null) as BlockerCategory | null;
  if (form.type === 'EXPERIMENT') {
    if (form.hypothesis !== (card.hypothesis ?? '')) body.hypothesis = form.hypothesis || null;
    if (form.metric !== (card.metric ?? '')) body.metric = form.metric || null;
    if (form.experimentResult !== (card.experimentResult ?? ''))
      body.experimentResult = (form.experimentResult || null) as UpdateCardBody['experimentResult'];
  }
  return body;
}

const checkBody = zodResolver(updateCardBodySchema);

/**
 * Checks the form with the API's own update schema: the changes are turned into the body the API would get and
 * checked there, and each problem lands on the field it came from (a bad label's error on the labels).
 */
function cardFormResolver(card: CardDetail): Resolver<CardForm> {
  return async (values, context, options) => {
    const checked = await checkBody(changesOf(values, card), context, options as never);
    const errors: FieldErrors<CardForm> = {};
    for (const [name, error] of Object.entries(checked.errors)) {
      if (!formFields.includes(name as Field) || !error) continue;
      const item = Array.isArray(error)
        ? (error as ({ message?: string } | undefined)[]).find((e) => e?.message)
        : undefined;
      const message = item?.message ?? (error as { message?: string }).message;
      if (message) errors[name as Field] = { type: item ? 'item' : 'validate', message };
    }
    return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} };
  };
}

const errorLabels: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  estimate: 'Estimate',
  startDate: 'Start date',
  dueDate: 'Due date',
  labels: 'Labels',
  blockedReason: 'What blocks it',
  hypothesis: 'Hypothesis',
  metric: 'Metric',
  experimentResult: 'Result',
};

/**
 * The card's own fields as one form (react-hook-form, checked with the API's update schema); saving sends what
 * changed, with the version it was based on, and the API's field errors land on their fields.
 */
export function CardFields({
  card,
  people,
  principles,
  write,
  savedNote,
}: {
  card: CardDetail;
  people: Person[];
  principles: Principle[];
  write: Write;
  savedNote: string | null;
}) {
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    control,
    formState: { errors, isSubmitting },
  } = useForm<CardForm>({ defaultValues: formOf(card), resolver: cardFormResolver(card) });
  const [editingDescription, setEditingDescription] = useState(false);
  // The form keeps the description as stored, with mentions as references; the box shows them as names.
  const descriptionText = useMentionText(card.description, card.descriptionMentions, (stored) =>
    setValue('description', stored, { shouldDirty: true }),
  );
  const [note, setNote] = useState<string | null>(null);
  const [type, ownerIds, principleIds, blocked] = useWatch({
    control,
    name: ['type', 'ownerIds', 'principleIds', 'blocked'],
  });
  const toggle = (field: 'ownerIds' | 'principleIds', list: string[], id: string) =>
    setValue(field, list.includes(id) ? list.filter((x) => x !== id) : [...list, id], { shouldDirty: true });

  const save = handleSubmit(async (form) => {
    const body = changesOf(form, card);
    const changed = Object.keys(body).filter((k) => k !== 'version');
    if (changed.length === 0) {
      setNote('Nothing to save: no field has changed.');
      return;
    }
    setNote(null);
    // An owner joining a card in progress over their soft WIP limit is let in, and said so; so is a mention that
    // reaches no one.
    let over: string[] = [];
    let notTold: string | null = null;
    const error = await write(
      async () => {
        const result = await updateCard(card.id, body);
        over = result.overLimit
          .filter((o) => o.scope === 'person')
          .map((o) => `${o.name} is now over their WIP limit (${o.count} of ${o.limit} in progress).`);
        notTold = notToldWarning(result.unreachedMentions, descriptionText, 'this card');
      },
      () =>
        [`Saved ${changed.map((k) => fieldNames[k] ?? k).join(', ')}.`, ...over, ...(notTold ? [notTold] : [])].join(
          ' ',
        ),
    );
    if (error?.fields.length) applyApiErrors(error, setError, formFields);
  });

  /** A field's input props: registered, marked invalid and pointing at its error when it has one. */
  const field = (name: Field) => ({
    ...register(name),
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${name}-error` : undefined,
  });
  const fieldError = (name: Field) => {
    const error = errors[name] as HookFieldError | undefined;
    return (
      <FieldError
        id={`${name}-error`}
        label={error?.type === 'item' ? 'One label' : (errorLabels[name] ?? name)}
        error={error}
      />
    );
  };

  return (
    <form className="card-fields" onSubmit={(e) => void save(e)} aria-label="Card fields" noValidate>
      <label>
        Title
        <input {...field('title')} maxLength={200} />
        {fieldError('title')}
      </label>
      <div className="description">
        <div className="row">
          <span className="field-label">Description</span>
          <button type="button" className="small" onClick={() => setEditingDescription(!editingDescription)}>
            {editingDescription ? 'Preview' : 'Edit description'}
          </button>
        </div>
        {editingDescription ? (
          <MentionTextarea
            label="Description (Markdown)"
            placeholder="Type @ to mention someone"
            rows={6}
            mention={descriptionText}
            candidates={(q, signal) => fetchMentionCandidates(card.id, q, signal)}
            candidatesKey={['cards', card.id]}
            textareaProps={{
              'aria-invalid': errors.description ? true : undefined,
              'aria-describedby': errors.description ? 'description-error' : undefined,
            }}
          />
        ) : (
          <div className="markdown" data-testid="description">
            {descriptionText.text ? (
              <SafeMarkdown text={descriptionText.text} />
            ) : (
              <p className="muted">No description yet.</p>
            )}
          </div>
        )}
        {fieldError('description')}
      </div>
      <div className="grid-2">
        <label>
          Type
          <select {...register('type')}>
            <option value="TASK">Task</option>
            <option value="EXPERIMENT">Experiment</option>
          </select>
        </label>
        <label>
          Estimate (points)
          <input type="number" min={0} max={1000} {...field('estimate')} />
          {fieldError('estimate')}
        </label>
        <label>
          Start date
          <input type="date" {...field('startDate')} />
          {fieldError('startDate')}
        </label>
        <label>
          Due date
          <input type="date" {...field('dueDate')} />
          {fieldError('dueDate')}
        </label>
        <label>
          Labels (comma-separated)
          <input {...field('labels')} />
          {fieldError('labels')}
        </label>
      </div>
      {type === 'EXPERIMENT' && (
        <fieldset>
          <legend>Experiment</legend>
          <label>
            Hypothesis
            <textarea rows={2} {...field('hypothesis')} />
            {fieldError('hypothesis')}
          </label>
          <label>
            Metric
            <input {...field('metric')} />
            {fieldError('metric')}
          </label>
          <label>
            Result
            <select {...register('experimentResult')}>
              <option value="">Not known yet</option>
              <option value="VALIDATED">Validated</option>
              <option value="INVALIDATED">Invalidated</option>
              <option value="INCONCLUSIVE">Inconclusive</option>
            </select>
          </label>
        </fieldset>
      )}
      <fieldset>
        <legend>Owners</legend>
        {people.map((p) => (
          <label key={p.id} className="check">
            <input
              type="checkbox"
              checked={ownerIds.includes(p.id)}
              onChange={() => toggle('ownerIds', ownerIds, p.id)}
            />{' '}
            {p.name}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Manifesto principles</legend>
        {principles.map((p) => (
          <label key={p.id} className="check" title={p.description}>
            <input
              type="checkbox"
              checked={principleIds.includes(p.id)}
              onChange={() => toggle('principleIds', principleIds, p.id)}
            />{' '}
            {p.name}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Obstacle</legend>
        <label className="check">
          <input type="checkbox" {...register('blocked')} /> Blocked
        </label>
        {blocked && (
          <label>
            What blocks it?
            <input {...field('blockedReason')} />
            {fieldError('blockedReason')}
          </label>
        )}
        {blocked && (
          <label>
            Kind of obstacle
            <select {...register('blockerCategory')}>
              <option value="">Not said</option>
              {blockerCategories.map((c) => (
                <option key={c} value={c}>
                  {blockerCategoryLabels[c]}
                </option>
              ))}
            </select>
          </label>
        )}
        {card.escalatedAt && (
          <p className="muted">
            <span aria-hidden="true">⚑ </span>Escalated to the PMO
          </p>
        )}
      </fieldset>
      <div className="save-row">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save changes'}
        </button>
        <span role="status" className="saved-note">
          {note ?? savedNote}
        </span>
      </div>
    </form>
  );
}

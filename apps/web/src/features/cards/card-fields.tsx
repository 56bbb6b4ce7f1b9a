import { blockerCategories, type BlockerCategory } from '@amb/shared/activity';
import { blockerCategoryLabels } from '@amb/shared/activity-sentence';
import { useState, type FormEvent } from 'react';
import Markdown from 'react-markdown';
import type { CardDetail, UpdateCardBody } from '@amb/shared/cards';
import type { Principle } from '@amb/shared/principles';
import type { ApiError } from '../../lib/api-client';
import { updateCard } from './api';

export interface Person {
  id: string;
  name: string;
}

type Write = (action: () => Promise<unknown>, saved?: string | (() => string)) => Promise<ApiError | null>;

const fieldNames: Record<string, string> = {
  title: 'the title',
  description: 'the description',
  type: 'the type',
  estimate: 'the estimate',
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

/** The card's own fields as one form; saving sends what changed, with the version it was based on. */
export function CardFields({ card, people, principles, write, savedNote }: { card: CardDetail; people: Person[]; principles: Principle[]; write: Write; savedNote: string | null }) {
  const [form, setForm] = useState({
    title: card.title,
    description: card.description,
    type: card.type,
    estimate: card.estimate === null ? '' : String(card.estimate),
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
  const [editingDescription, setEditingDescription] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

  const changes = (): UpdateCardBody => {
    const body: UpdateCardBody = { version: card.version };
    const labels = form.labels.split(',').map((l) => l.trim()).filter(Boolean);
    const estimate = form.estimate === '' ? null : Number(form.estimate);
    if (form.title !== card.title) body.title = form.title;
    if (form.description !== card.description) body.description = form.description;
    if (form.type !== card.type) body.type = form.type;
    if (estimate !== card.estimate) body.estimate = estimate;
    if (form.dueDate !== dayOf(card.dueDate)) body.dueDate = form.dueDate || null;
    if (labels.join(',') !== card.labels.join(',')) body.labels = labels;
    if ([...form.ownerIds].sort().join() !== [...card.ownerIds].sort().join()) body.ownerIds = form.ownerIds;
    if ([...form.principleIds].sort().join() !== [...card.principleIds].sort().join()) body.principleIds = form.principleIds;
    if (form.blocked !== card.blocked) body.blocked = form.blocked;
    if (form.blocked && form.blockedReason !== (card.blockedReason ?? '')) body.blockedReason = form.blockedReason;
    if (form.blocked && form.blockerCategory !== (card.blockerCategory ?? '')) body.blockerCategory = (form.blockerCategory || null) as BlockerCategory | null;
    if (form.type === 'EXPERIMENT') {
      if (form.hypothesis !== (card.hypothesis ?? '')) body.hypothesis = form.hypothesis || null;
      if (form.metric !== (card.metric ?? '')) body.metric = form.metric || null;
      if (form.experimentResult !== (card.experimentResult ?? '')) body.experimentResult = (form.experimentResult || null) as UpdateCardBody['experimentResult'];
    }
    return body;
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    const body = changes();
    const changed = Object.keys(body).filter((k) => k !== 'version');
    if (changed.length === 0) {
      setNote('Nothing to save: no field has changed.');
      return;
    }
    setNote(null);
    setSaving(true);
    // An owner joining a card in progress over their soft WIP limit is let in, and said so.
    let over: string[] = [];
    const error = await write(
      async () => {
        over = (await updateCard(card.id, body)).overLimit.filter((o) => o.scope === 'person').map((o) => `${o.name} is now over their WIP limit (${o.count} of ${o.limit} in progress).`);
      },
      () => [`Saved ${changed.map((k) => fieldNames[k] ?? k).join(', ')}.`, ...over].join(' '),
    );
    setSaving(false);
    setErrors(Object.fromEntries((error?.fields ?? []).map((f) => [f.field.replace(/^body\./, '').replace(/\.\d+$/, ''), f.message])));
  }

  const fieldError = (name: string) =>
    errors[name] ? (
      <span className="field-error" id={`${name}-error`}>
        {name} {errors[name]}
      </span>
    ) : null;

  return (
    <form className="card-fields" onSubmit={save} aria-label="Card fields">
      <label>
        Title
        <input name="title" value={form.title} onChange={(e) => set({ title: e.target.value })} aria-invalid={errors.title ? true : undefined} maxLength={200} />
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
          <textarea aria-label="Description (Markdown)" rows={6} value={form.description} onChange={(e) => set({ description: e.target.value })} />
        ) : (
          <div className="markdown" data-testid="description">
            {form.description ? <SafeMarkdown text={form.description} /> : <p className="muted">No description yet.</p>}
          </div>
        )}
      </div>
      <div className="grid-2">
        <label>
          Type
          <select value={form.type} onChange={(e) => set({ type: e.target.value as typeof form.type })}>
            <option value="TASK">Task</option>
            <option value="EXPERIMENT">Experiment</option>
          </select>
        </label>
        <label>
          Estimate (points)
          <input type="number" min={0} max={1000} value={form.estimate} onChange={(e) => set({ estimate: e.target.value })} />
          {fieldError('estimate')}
        </label>
        <label>
          Due date
          <input type="date" value={form.dueDate} onChange={(e) => set({ dueDate: e.target.value })} />
          {fieldError('dueDate')}
        </label>
        <label>
          Labels (comma-separated)
          <input value={form.labels} onChange={(e) => set({ labels: e.target.value })} />
          {fieldError('labels')}
        </label>
      </div>
      {form.type === 'EXPERIMENT' && (
        <fieldset>
          <legend>Experiment</legend>
          <label>
            Hypothesis
            <textarea rows={2} value={form.hypothesis} onChange={(e) => set({ hypothesis: e.target.value })} />
          </label>
          <label>
            Metric
            <input value={form.metric} onChange={(e) => set({ metric: e.target.value })} />
          </label>
          <label>
            Result
            <select value={form.experimentResult} onChange={(e) => set({ experimentResult: e.target.value })}>
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
            <input type="checkbox" checked={form.ownerIds.includes(p.id)} onChange={() => set({ ownerIds: toggle(form.ownerIds, p.id) })} /> {p.name}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Manifesto principles</legend>
        {principles.map((p) => (
          <label key={p.id} className="check" title={p.description}>
            <input type="checkbox" checked={form.principleIds.includes(p.id)} onChange={() => set({ principleIds: toggle(form.principleIds, p.id) })} /> {p.name}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Obstacle</legend>
        <label className="check">
          <input type="checkbox" checked={form.blocked} onChange={(e) => set({ blocked: e.target.checked })} /> Blocked
        </label>
        {form.blocked && (
          <label>
            What blocks it?
            <input value={form.blockedReason} onChange={(e) => set({ blockedReason: e.target.value })} aria-invalid={errors.blockedReason ? true : undefined} />
            {fieldError('blockedReason')}
          </label>
        )}
        {form.blocked && (
          <label>
            Kind of obstacle
            <select value={form.blockerCategory} onChange={(e) => set({ blockerCategory: e.target.value })}>
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
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save changes'}
        </button>
        <span role="status" className="saved-note">
          {note ?? savedNote}
        </span>
      </div>
    </form>
  );
}

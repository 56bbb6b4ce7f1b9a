import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { approvalLabel } from '@amb/domain/approvals';
import type { CardDetail } from '@amb/shared/cards';
import type { ApiError } from '../../lib/api-client';
import { cardKeys } from './api';
import {
  approvalQuery,
  approverCandidatesQuery,
  attachmentKeys,
  attachmentsQuery,
  decideApproval,
  requestApproval,
} from './attachments-api';

type Write = (action: () => Promise<unknown>, saved?: string) => Promise<ApiError | null>;
const decisionText = { PENDING: 'waiting', APPROVED: 'approved', CHANGES_REQUESTED: 'asked for changes' } as const;

/** Who was asked to approve the card (or a file on it), what each decided, and the approver's own buttons. */
export function CardApproval({ card, teamId, write }: { card: CardDetail; teamId: string; write: Write }) {
  const queryClient = useQueryClient();
  const approval = useQuery(approvalQuery(card.id)).data ?? null;
  const people = useQuery(approverCandidatesQuery(teamId)).data ?? [];
  const files = useQuery(attachmentsQuery(card.id)).data ?? [];
  const [asking, setAsking] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [attachmentId, setAttachmentId] = useState('');
  const [comment, setComment] = useState('');
  const readOnly = Boolean(card.archivedAt);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: attachmentKeys.approval(card.id) }),
      queryClient.invalidateQueries({ queryKey: cardKeys.detail(card.id) }),
    ]);

  const decide = async (decision: 'APPROVED' | 'CHANGES_REQUESTED') => {
    const failed = await write(
      () => decideApproval(card.id, { decision, comment }),
      decision === 'APPROVED' ? 'Approved.' : 'Asked for changes.',
    );
    if (!failed) {
      setComment('');
      await refresh();
    }
  };

  return (
    <section aria-labelledby="approval-title" className="panel-section">
      <h3 id="approval-title">Approval</h3>
      {approval ? (
        <>
          <p>
            <span className={`approval-state ${approval.state}`}>{approvalLabel(approval)}</span>
            {approval.attachment && (
              <span className="muted">
                {' '}
                for {approval.attachment.name}, version {approval.attachment.versionNumber}
              </span>
            )}
          </p>
          {approval.note && <p className="muted">“{approval.note}”</p>}
          <ul className="approvers" aria-label="Approvers">
            {approval.approvers.map((a) => (
              <li key={a.user.id}>
                {a.user.name}: {decisionText[a.decision]}
                {a.comment && <span className="muted"> “{a.comment}”</span>}
              </li>
            ))}
          </ul>
          {approval.canDecide && !readOnly && (
            <div className="approval-decision">
              <label>
                Comment for the team
                <textarea value={comment} rows={2} onChange={(e) => setComment(e.target.value)} />
              </label>
              <button type="button" onClick={() => void decide('APPROVED')}>
                Approve
              </button>{' '}
              <button type="button" onClick={() => void decide('CHANGES_REQUESTED')}>
                Request changes
              </button>
            </div>
          )}
        </>
      ) : (
        <p className="muted">Not sent for approval.</p>
      )}
      {!readOnly &&
        (asking ? (
          <form
            className="approval-request"
            onSubmit={async (e) => {
              e.preventDefault();
              const failed = await write(
                () => requestApproval(card.id, { approverIds: chosen, attachmentId: attachmentId || null }),
                'Sent for approval.',
              );
              if (!failed) {
                setAsking(false);
                setChosen([]);
                await refresh();
              }
            }}
          >
            <fieldset>
              <legend>Who approves</legend>
              {people.map((p) => (
                <label key={p.id} className="check">
                  <input
                    type="checkbox"
                    checked={chosen.includes(p.id)}
                    onChange={(e) =>
                      setChosen((c) => (e.target.checked ? [...c, p.id] : c.filter((id) => id !== p.id)))
                    }
                  />{' '}
                  {p.name}
                </label>
              ))}
            </fieldset>
            {files.length > 0 && (
              <label>
                What to approve
                <select value={attachmentId} onChange={(e) => setAttachmentId(e.target.value)}>
                  <option value="">The card</option>
                  {files.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.name} (version {f.latest.number})
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button type="submit" disabled={chosen.length === 0}>
              Send for approval
            </button>{' '}
            <button type="button" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <button type="button" onClick={() => setAsking(true)}>
            {approval ? 'Ask again' : 'Send for approval'}
          </button>
        ))}
    </section>
  );
}

import { useId } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CardDetail } from '@amb/shared/cards';
import { useTeamAbility } from '../../app/team-access';
import type { ApiError } from '../../lib/api-client';
import { teamSprintsQuery } from '../../app/sprints';
import { setCardSprint } from './api';

/** Which sprint the card is in, for those who plan sprints to change. */
export function CardSprintField({
  card,
  write,
}: {
  card: CardDetail;
  write: (action: () => Promise<unknown>) => Promise<ApiError | null>;
}) {
  const id = useId();
  const sprints = useQuery(teamSprintsQuery(card.teamId));
  const client = useQueryClient();
  const canPlan = useTeamAbility(card.teamId)('manage-sprints');
  const all = sprints.data?.sprints ?? [];
  const choices = all.filter((s) => s.state !== 'CLOSED' || s.id === card.sprintId);
  // Everyone else reads the sprint where the panel says where the card is.
  if (!canPlan || card.archivedAt) return null;
  return (
    <p className="card-sprint">
      <label htmlFor={id}>Sprint </label>
      <select
        id={id}
        value={card.sprintId ?? ''}
        disabled={!sprints.data}
        onChange={(e) =>
          void write(() =>
            setCardSprint(card.id, e.target.value || null).then(() =>
              client.invalidateQueries({ queryKey: ['sprints', card.teamId] }),
            ),
          )
        }
      >
        <option value="">Backlog (no sprint)</option>
        {choices.map((s) => (
          <option key={s.id} value={s.id} disabled={s.state === 'CLOSED'}>
            {s.name} ({s.state.toLowerCase()})
          </option>
        ))}
      </select>
    </p>
  );
}

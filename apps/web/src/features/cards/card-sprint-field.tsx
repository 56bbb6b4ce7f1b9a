import { useId } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { can } from '@amb/domain/access';
import type { CardDetail } from '@amb/shared/cards';
import type { ApiError } from '../../lib/api-client';
import { useAuthStore } from '../auth/auth-store';
import { useTeamsStore } from '../teams/teams-store';
import { setCardSprint, useTeamSprints } from './api';

/** Which sprint the card is in: chosen by those who plan sprints, read by everyone else. */
export function CardSprintField({ card, write }: { card: CardDetail; write: (action: () => Promise<unknown>) => Promise<ApiError | null> }) {
  const id = useId();
  const sprints = useTeamSprints(card.teamId);
  const client = useQueryClient();
  const orgRole = useAuthStore((s) => s.me?.user.orgRole ?? 'NONE');
  const teamRole = useTeamsStore((s) => s.teams?.find((t) => t.id === card.teamId)?.myRole ?? null);
  const canPlan = can({ orgRole, teamRole }, 'manage-sprints');
  const all = sprints.data?.sprints ?? [];
  const current = all.find((s) => s.id === card.sprintId);
  const choices = all.filter((s) => s.state !== 'CLOSED' || s.id === card.sprintId);
  if (!canPlan || card.archivedAt) {
    return (
      <p className="card-sprint">
        <span className="muted">Sprint: </span>
        {current ? current.name : 'Backlog (no sprint)'}
      </p>
    );
  }
  return (
    <p className="card-sprint">
      <label htmlFor={id}>Sprint </label>
      <select
        id={id}
        value={card.sprintId ?? ''}
        disabled={!sprints.data}
        onChange={(e) => void write(() => setCardSprint(card.id, e.target.value || null).then(() => client.invalidateQueries({ queryKey: ['sprints', card.teamId] })))}
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

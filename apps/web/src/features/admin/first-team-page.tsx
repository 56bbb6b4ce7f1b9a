import { useState } from 'react';
import { Link } from 'react-router';
import type { Team } from '@amb/shared/teams';
import { CreateTeamForm } from './create-team-form';
import { InviteForm } from './invite-form';
import './admin.css';

/** First run: the new admin creates the first team from a template, then invites people to it. */
export function FirstTeamPage() {
  const [team, setTeam] = useState<Team | null>(null);
  return (
    <section className="admin" aria-labelledby="welcome-title">
      <div>
        <h1 id="welcome-title">{team ? `Invite people to ${team.name}` : 'Create your first team'}</h1>
        <ol className="steps" aria-label="Getting started">
          <li aria-current={team ? undefined : 'step'}>1. Create a team</li>
          <li aria-current={team ? 'step' : undefined}>2. Invite people</li>
        </ol>
      </div>
      {!team ? (
        <div className="panel">
          <p className="muted" style={{ margin: 0 }}>
            You are the admin of this board. Start with a team and a board laid out for the way it works; you can change
            columns, WIP limits and swimlanes later.
          </p>
          <CreateTeamForm onCreated={setTeam} submitLabel="Create team and continue" />
        </div>
      ) : (
        <div className="panel">
          <p className="muted" style={{ margin: 0 }}>
            Invite the people who work on {team.name}. Each invitation is for one e-mail address and one role; you can
            invite more later from Admin.
          </p>
          <InviteForm teamId={team.id} roles={['SCRUM_MASTER', 'PRODUCT_OWNER', 'MEMBER', 'VIEWER']} />
          <div className="actions">
            {/* A full load, so the team list and the person's memberships are read afresh. */}
            <a className="button-link primary" href={`/teams/${team.id}/board`}>
              Open the {team.name} board
            </a>{' '}
            <Link to={`/admin/teams/${team.id}`}>Manage the team</Link>
          </div>
        </div>
      )}
    </section>
  );
}

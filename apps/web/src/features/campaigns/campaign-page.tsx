import { useId } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  campaignStatuses,
  campaignStatusNames,
  type CampaignPage as CampaignPageData,
  type CampaignStatus,
  type CampaignTeam,
} from '@amb/shared/campaigns';
import { flowCategoryNames } from '@amb/shared/flow-category-names';
import { ActionMessage, useActionMessage } from '../../components/action-message';
import { useConfirm } from '../../components/confirm-dialog';
import { QueryState } from '../../components/query-state';
import { ScrollBox } from '../../components/scroll-box';
import { downloadCsv } from '../../lib/csv';
import { useCampaign, useDeleteCampaign, useMayManageCampaigns, useUpdateCampaign } from './api';
import { campaignDays, CampaignProgressBar, CampaignSwatch } from './campaign-look';
import { deliverablesTable } from './deliverables-csv';
import './campaigns.css';

const dueFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * One campaign: its goal, days and progress, and the cards that deliver for it by team and flow category, each a
 * link to its board. Cards on teams the reader cannot see are only counted.
 */
export function CampaignPage() {
  const { campaignId = '' } = useParams();
  const page = useCampaign(campaignId);
  return (
    <section className="campaigns-page" aria-labelledby="campaign-title">
      <p className="breadcrumbs">
        <Link to="/campaigns">Campaigns</Link> › {page.data?.campaign.name ?? 'Campaign'}
      </p>
      <QueryState query={page} loading="Loading the campaign…" failed="The campaign could not be loaded">
        {(data) => <CampaignView data={data} />}
      </QueryState>
    </section>
  );
}

function CampaignView({ data }: { data: CampaignPageData }) {
  const { campaign, teams } = data;
  const { progress } = campaign;
  const mayManage = useMayManageCampaigns();
  const said = useActionMessage();
  return (
    <>
      <header className="campaigns-header">
        <h1 id="campaign-title" className="campaign-name">
          <CampaignSwatch colour={campaign.colour} />
          {campaign.name}
        </h1>
        <p className={`campaign-status status-${campaign.status.toLowerCase()}`}>
          {campaignStatusNames[campaign.status]}
        </p>
      </header>
      <dl className="campaign-facts">
        <div>
          <dt>Dates</dt>
          <dd>{campaignDays(campaign.startDate, campaign.endDate)}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{campaign.owner?.name ?? 'No owner'}</dd>
        </div>
      </dl>
      {campaign.goal && (
        <p className="campaign-goal">
          <strong>Goal:</strong> {campaign.goal}
        </p>
      )}
      <CampaignProgressBar progress={progress} />
      <ul className="campaign-figures" aria-label="Progress">
        <li>
          <strong>
            {progress.pointsDone} of {progress.points}
          </strong>{' '}
          points done
        </li>
        <li className={progress.blocked ? 'figure-blocked' : undefined}>
          <strong>{progress.blocked}</strong> blocked
        </li>
        <li className={progress.atRisk ? 'figure-risk' : undefined}>
          <strong>{progress.atRisk}</strong> at risk
        </li>
      </ul>
      {progress.hiddenCards > 0 && (
        <p className="campaign-hidden">
          {progress.hiddenCards} card{progress.hiddenCards === 1 ? '' : 's'} on teams you cannot see{' '}
          {progress.hiddenCards === 1 ? 'is part of this campaign; it is' : 'are part of this campaign; they are'} not
          counted above.
        </p>
      )}
      {mayManage && (
        <ManageCampaign campaignId={campaign.id} status={campaign.status} name={campaign.name} said={said} />
      )}
      <ActionMessage message={said.message} />
      <div className="deliverables-head">
        <h2>Deliverables</h2>
        {teams.length > 0 && (
          <button
            type="button"
            onClick={() => {
              const [header, rows] = deliverablesTable(teams);
              downloadCsv(`campaign-${campaign.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.csv`, header, rows);
            }}
          >
            Download CSV
          </button>
        )}
      </div>
      {teams.length === 0 ? (
        <p className="muted">
          No cards you can see deliver for this campaign yet — add one from its card panel (“Campaign”).
        </p>
      ) : (
        teams.map((team) => <TeamDeliverables key={team.teamId} team={team} />)
      )}
    </>
  );
}

function TeamDeliverables({ team }: { team: CampaignTeam }) {
  const id = useId();
  const count = team.groups.reduce((n, g) => n + g.cards.length, 0);
  return (
    <section className="team-deliverables" aria-labelledby={id}>
      <h3 id={id}>
        {team.teamName}{' '}
        <span className="muted">
          ({count} card{count === 1 ? '' : 's'})
        </span>
      </h3>
      <ScrollBox label={`Cards of ${team.teamName}`}>
        <table className="data-table deliverables-table">
          <thead>
            <tr>
              <th scope="col">Card</th>
              <th scope="col">Column</th>
              <th scope="col" className="num">
                Points
              </th>
              <th scope="col">Due</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          {team.groups.map((group) => (
            <tbody key={group.flowCategory}>
              <tr className="group-row">
                <th scope="rowgroup" colSpan={5}>
                  {flowCategoryNames[group.flowCategory]} ({group.cards.length})
                </th>
              </tr>
              {group.cards.map((card) => (
                <tr key={card.id}>
                  <td className="card-cell">
                    <Link to={`/teams/${card.teamId}/board/cards/${card.id}`}>{card.title}</Link>
                  </td>
                  <td>{card.columnName}</td>
                  <td className="num">{card.estimate ?? '–'}</td>
                  <td className="nowrap">{card.dueDate ? dueFormat.format(new Date(card.dueDate)) : '–'}</td>
                  <td>
                    <span className="deliverable-states">
                      {card.done && <span className="state done">Done</span>}
                      {card.blocked && !card.done && (
                        <span className="state blocked">
                          <span aria-hidden="true">⊘ </span>Blocked
                        </span>
                      )}
                      {card.atRisk && (
                        <span className="state risk">
                          <span aria-hidden="true">⚠ </span>At risk
                        </span>
                      )}
                      {!card.done && !card.blocked && !card.atRisk && <span className="muted">On track</span>}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </ScrollBox>
    </section>
  );
}

function ManageCampaign({
  campaignId,
  status,
  name,
  said,
}: {
  campaignId: string;
  status: CampaignStatus;
  name: string;
  said: ReturnType<typeof useActionMessage>;
}) {
  const id = useId();
  const update = useUpdateCampaign(campaignId);
  const remove = useDeleteCampaign();
  const navigate = useNavigate();
  const [confirm, dialog] = useConfirm();
  return (
    <div className="campaign-manage">
      <label htmlFor={id}>Status </label>
      <select
        id={id}
        value={status}
        disabled={update.isPending}
        onChange={(e) =>
          update.mutate(
            { status: e.target.value as CampaignStatus },
            {
              onSuccess: (c) => said.say(`${c.name} is now ${campaignStatusNames[c.status].toLowerCase()}.`),
              onError: said.fail,
            },
          )
        }
      >
        {campaignStatuses.map((s) => (
          <option key={s} value={s}>
            {campaignStatusNames[s]}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={remove.isPending}
        onClick={async () => {
          const ok = await confirm({
            title: `Delete the campaign ${name}?`,
            message: 'Its cards stay on their boards, in no campaign.',
            confirmLabel: 'Delete campaign',
          });
          if (ok)
            remove.mutate(campaignId, {
              onSuccess: () => void navigate('/campaigns'),
              onError: said.fail,
            });
        }}
      >
        Delete campaign
      </button>
      {dialog}
    </div>
  );
}

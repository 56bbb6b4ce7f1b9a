import { Link } from 'react-router';
import { campaignStatusNames } from '@amb/shared/campaigns';
import { ActionMessage, useActionMessage } from '../../components/action-message';
import { QueryState } from '../../components/query-state';
import { useCampaigns, useMayManageCampaigns } from './api';
import { CreateCampaignForm } from './campaign-form';
import { campaignDays, CampaignProgressBar, CampaignSwatch } from './campaign-look';
import './campaigns.css';

/** The organisation's campaigns, across teams: each with its days, status, owner and progress; a form to add one. */
export function CampaignsPage() {
  const campaigns = useCampaigns();
  const mayManage = useMayManageCampaigns();
  const said = useActionMessage();
  return (
    <section className="campaigns-page" aria-labelledby="campaigns-title">
      <header className="campaigns-header">
        <h1 id="campaigns-title">Campaigns</h1>
        <p className="muted">
          Marketing campaigns of the whole organisation. Cards of any team deliver for one; open a campaign to see its
          cards by team.
        </p>
      </header>
      <ActionMessage message={said.message} />
      <QueryState
        query={campaigns}
        loading="Loading the campaigns…"
        failed="The campaigns could not be loaded"
        isEmpty={(list) => list.length === 0}
        empty={
          <p>
            No campaigns yet —{' '}
            {mayManage
              ? 'create the first one below, then add cards to it from their card panel.'
              : 'admins, the PMO and scrum masters create them.'}
          </p>
        }
      >
        {(list) => (
          <ul className="campaign-list">
            {list.map((c) => (
              <li key={c.id} className="campaign-item">
                <h2 className="campaign-name">
                  <CampaignSwatch colour={c.colour} />
                  <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
                </h2>
                <p className={`campaign-status status-${c.status.toLowerCase()}`}>{campaignStatusNames[c.status]}</p>
                <dl className="campaign-facts">
                  <div>
                    <dt>Dates</dt>
                    <dd>{campaignDays(c.startDate, c.endDate)}</dd>
                  </div>
                  <div>
                    <dt>Owner</dt>
                    <dd>{c.owner?.name ?? 'No owner'}</dd>
                  </div>
                </dl>
                <CampaignProgressBar progress={c.progress} />
                {c.progress.hiddenCards > 0 && (
                  <p className="muted campaign-hidden">
                    and {c.progress.hiddenCards} card{c.progress.hiddenCards === 1 ? '' : 's'} on teams you cannot see
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {mayManage ? (
        <CreateCampaignForm onCreated={(c) => said.say(`Created the campaign ${c.name}.`)} />
      ) : (
        <p className="muted">Only admins, the PMO and scrum masters create, change or delete campaigns.</p>
      )}
    </section>
  );
}

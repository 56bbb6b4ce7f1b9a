import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityKinds } from '@amb/shared/activity';
import { describeActivity } from '@amb/shared/activity-sentence';
import { campaignListSchema, campaignPageSchema, campaignSchema } from '@amb/shared/campaigns';
import { cardDetailSchema } from '@amb/shared/cards';
import { addCards } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

describe('campaigns across teams', () => {
  let t: TestContext;
  const cookies = {} as Record<'master' | 'member' | 'pmo' | 'web', string>;
  let masterId: string;
  let email: Awaited<ReturnType<typeof createTeam>>;
  let web: Awaited<ReturnType<typeof createTeam>>;

  beforeAll(async () => {
    t = await startTestApp();
    const master = await createUser(t.db, { name: 'Sam Scrum' });
    const member = await createUser(t.db, { name: 'Mo Member' });
    const pmo = await createUser(t.db, { name: 'Pat PMO', orgRole: 'PMO' });
    const webber = await createUser(t.db, { name: 'Wen Web' });
    masterId = master.id;
    email = await createTeam(
      t.db,
      [
        { userId: master.id, role: 'SCRUM_MASTER' },
        { userId: member.id, role: 'MEMBER' },
      ],
      'Email',
    );
    web = await createTeam(t.db, [{ userId: webber.id, role: 'MEMBER' }], 'Web Development');
    cookies.master = await signIn(t.app, master.email);
    cookies.member = await signIn(t.app, member.email);
    cookies.pmo = await signIn(t.app, pmo.email);
    cookies.web = await signIn(t.app, webber.email);
  });
  afterAll(() => t.close());

  const call = (
    who: keyof typeof cookies,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url: `/api${url}`, headers: { cookie: cookies[who] }, payload });
  const fieldsOf = (res: { json(): { error: { fields?: { field: string }[] } } }) =>
    res.json().error.fields?.map((f) => f.field);
  const column = (team: typeof email, name: string) => team.board.columns.find((c) => c.name === name)!;
  const spring = () => ({
    name: 'Spring launch',
    goal: 'Two thousand sign-ups for the new plan',
    startDate: '2027-03-01',
    endDate: '2027-03-31',
    ownerId: masterId,
    colour: 'teal',
  });
  const joinCampaign = async (who: keyof typeof cookies, cardId: string, campaignId: string | null) => {
    const card = await t.db.card.findUniqueOrThrow({ where: { id: cardId } });
    return call(who, 'PATCH', `/cards/${cardId}`, { version: card.version, campaignId });
  };

  it('is created by a scrum master and refused to a member, and bad input names its field', async () => {
    expect((await call('member', 'POST', '/campaigns', spring())).statusCode).toBe(403);
    const created = await call('master', 'POST', '/campaigns', spring());
    expect(created.statusCode).toBe(201);
    expect(campaignSchema.parse(created.json())).toMatchObject({
      name: 'Spring launch',
      startDate: '2027-03-01',
      endDate: '2027-03-31',
      owner: { id: masterId, name: 'Sam Scrum' },
      colour: 'teal',
      status: 'PLANNED',
      progress: { cards: 0, done: 0, hiddenCards: 0 },
    });
    const refusals: [object, string][] = [
      [{ name: '  ' }, 'body.name'],
      [{ colour: 'plaid' }, 'body.colour'],
      [{ colour: '#12345' }, 'body.colour'],
      [{ endDate: '2027-02-28' }, 'body.endDate'],
      [{ startDate: 'March' }, 'body.startDate'],
      [{ status: 'PAUSED' }, 'body.status'],
      [{ ownerId: crypto.randomUUID() }, 'body.ownerId'],
    ];
    for (const [change, field] of refusals) {
      const res = await call('master', 'POST', '/campaigns', { ...spring(), ...change });
      expect(res.statusCode, field).toBe(400);
      expect(fieldsOf(res), field).toEqual([field]);
    }
    const hex = await call('pmo', 'POST', '/campaigns', { ...spring(), name: 'Summer', colour: '#AABBCC' });
    expect(hex.json().colour).toBe('#aabbcc');
    const list = campaignListSchema.parse((await call('member', 'GET', '/campaigns')).json());
    expect(list.campaigns.map((c) => c.name)).toEqual(['Spring launch', 'Summer']);
  });

  it('takes cards from any team, shows the reader only the teams they read, and counts the rest', async () => {
    const campaign = (await call('master', 'POST', '/campaigns', { ...spring(), name: 'Black Friday' })).json();
    const [newsletter, banner] = await addCards(t.db, email.board.id, column(email, 'To do').id, 2, 'Newsletter');
    const [landing] = await addCards(t.db, web.board.id, column(web, 'In progress').id, 1, 'Secret landing page');

    const joined = await joinCampaign('member', newsletter!.id, campaign.id);
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json().card.campaignId).toBe(campaign.id);
    expect((await joinCampaign('member', banner!.id, campaign.id)).statusCode).toBe(200);
    await t.db.card.update({ where: { id: banner!.id }, data: { estimate: 3, dueDate: new Date('2027-04-02') } });
    // Someone of the other team puts their card in; the PMO, who reads every team, cannot edit it.
    expect((await joinCampaign('pmo', landing!.id, campaign.id)).statusCode).toBe(403);
    expect((await joinCampaign('web', landing!.id, campaign.id)).statusCode).toBe(200);
    // A member of the e-mail team cannot put another team's card in: to them it does not exist.
    expect((await joinCampaign('member', landing!.id, null)).statusCode).toBe(404);

    const detail = cardDetailSchema.parse((await call('member', 'GET', `/cards/${newsletter!.id}`)).json());
    expect(detail.campaignId).toBe(campaign.id);
    const entry = detail.history.find((h) => h.kind === activityKinds.cardCampaignChanged)!;
    expect(describeActivity(entry, () => undefined)).toBe('added this to the campaign “Black Friday”');

    const forMaster = await call('master', 'GET', `/campaigns/${campaign.id}`);
    expect(forMaster.statusCode).toBe(200);
    expect(forMaster.body).not.toContain('Secret landing page');
    expect(forMaster.body).not.toContain(web.id);
    const page = campaignPageSchema.parse(forMaster.json());
    expect(page.campaign.progress).toEqual({
      cards: 2,
      done: 0,
      points: 3,
      pointsDone: 0,
      blocked: 0,
      atRisk: 1,
      hiddenCards: 1,
    });
    expect(page.teams.map((team) => [team.teamName, team.groups.map((g) => [g.flowCategory, g.cards.length])])).toEqual(
      [['Email', [['TODO', 2]]]],
    );
    expect(page.teams[0]!.groups[0]!.cards.find((c) => c.id === banner!.id)).toMatchObject({
      atRisk: true,
      boardId: email.board.id,
      columnName: 'To do',
    });

    const forPmo = campaignPageSchema.parse((await call('pmo', 'GET', `/campaigns/${campaign.id}`)).json());
    expect(forPmo.campaign.progress).toMatchObject({ cards: 3, hiddenCards: 0 });
    expect(forPmo.teams.map((team) => team.teamName)).toEqual(['Email', 'Web Development']);

    // Moving a card to a done column shows it done.
    const moved = await call('member', 'POST', `/cards/${newsletter!.id}/move`, {
      columnId: column(email, 'Done').id,
      afterCardId: null,
      version: (await t.db.card.findUniqueOrThrow({ where: { id: newsletter!.id } })).version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = campaignPageSchema.parse((await call('master', 'GET', `/campaigns/${campaign.id}`)).json());
    expect(after.campaign.progress).toMatchObject({ cards: 2, done: 1 });
    expect(after.teams[0]!.groups.map((g) => [g.flowCategory, g.cards.map((c) => [c.title, c.done])])).toEqual([
      ['TODO', [['Newsletter 2', false]]],
      ['DONE', [['Newsletter 1', true]]],
    ]);
    // The list shows the same progress.
    const listed = campaignListSchema
      .parse((await call('master', 'GET', '/campaigns')).json())
      .campaigns.find((c) => c.id === campaign.id)!;
    expect(listed.progress).toEqual(after.campaign.progress);

    // The board's export names the campaign.
    const csv = await call('member', 'GET', `/boards/${email.board.id}/export.csv`);
    expect(csv.body).toContain('Black Friday');

    // Taken out again, the history says so.
    expect((await joinCampaign('member', banner!.id, null)).statusCode).toBe(200);
    const out = cardDetailSchema.parse((await call('member', 'GET', `/cards/${banner!.id}`)).json());
    expect(out.campaignId).toBeNull();
    expect(
      out.history
        .filter((h) => h.kind === activityKinds.cardCampaignChanged)
        .map((h) => describeActivity(h, () => undefined)),
    ).toEqual(['removed this from the campaign “Black Friday”', 'added this to the campaign “Black Friday”']);
  });

  it('refuses a card a campaign that does not exist, and answers 404 for one', async () => {
    const [card] = await addCards(t.db, email.board.id, column(email, 'Backlog').id, 1, 'Orphan');
    const res = await joinCampaign('member', card!.id, crypto.randomUUID());
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.campaignId']);
    const missing = `/campaigns/${crypto.randomUUID()}`;
    expect((await call('member', 'GET', missing)).statusCode).toBe(404);
    expect((await call('master', 'PATCH', missing, { name: 'x' })).statusCode).toBe(404);
    expect((await call('master', 'DELETE', missing)).statusCode).toBe(404);
    const bad = await call('member', 'GET', '/campaigns/not-an-id');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['params.campaignId']);
  });

  it('is changed and deleted by those who run campaigns; its cards stay, in no campaign', async () => {
    const campaign = (await call('master', 'POST', '/campaigns', { ...spring(), name: 'Webinar week' })).json();
    const [card] = await addCards(t.db, email.board.id, column(email, 'Backlog').id, 1, 'Webinar invite');
    expect((await joinCampaign('member', card!.id, campaign.id)).statusCode).toBe(200);

    expect((await call('member', 'PATCH', `/campaigns/${campaign.id}`, { status: 'RUNNING' })).statusCode).toBe(403);
    const late = await call('master', 'PATCH', `/campaigns/${campaign.id}`, { startDate: '2027-04-01' });
    expect(late.statusCode).toBe(400);
    expect(fieldsOf(late)).toEqual(['body.endDate']);
    const running = await call('pmo', 'PATCH', `/campaigns/${campaign.id}`, { status: 'RUNNING', colour: 'rose' });
    expect(running.statusCode).toBe(200);
    expect(running.json()).toMatchObject({ status: 'RUNNING', colour: 'rose', progress: { cards: 1 } });
    const logged = await t.db.activity.findFirstOrThrow({
      where: { kind: activityKinds.campaignUpdated },
      orderBy: { id: 'desc' },
    });
    expect(logged).toMatchObject({
      from: { campaignId: campaign.id, status: 'PLANNED', colour: 'teal' },
      to: { campaignId: campaign.id, status: 'RUNNING', colour: 'rose' },
    });

    expect((await call('member', 'DELETE', `/campaigns/${campaign.id}`)).statusCode).toBe(403);
    expect((await call('master', 'DELETE', `/campaigns/${campaign.id}`)).statusCode).toBe(200);
    expect((await t.db.card.findUniqueOrThrow({ where: { id: card!.id } })).campaignId).toBeNull();
    expect((await call('member', 'GET', `/campaigns/${campaign.id}`)).statusCode).toBe(404);
    const deleted = await t.db.activity.findFirstOrThrow({
      where: { kind: activityKinds.campaignDeleted },
      orderBy: { id: 'desc' },
    });
    expect(deleted.from).toEqual({ campaignId: campaign.id, name: 'Webinar week', cards: 1 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockedTime, clearedObstacles, timeToClearByWeek, type BlockingEvent } from '@amb/domain/blocked-time';
import { addDays, localDay } from '@amb/domain/local-days';
import { activityKinds } from '@amb/shared/activity';
import {
  blockedTimeSchema,
  obstacleListSchema,
  timeToClearSchema,
  type ObstacleList,
} from '@amb/shared/obstacle-reports';
import { standupSchema } from '@amb/shared/standup';
import { periodBounds } from '../src/services/portfolio/period';
import { addCards } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// The PMO's obstacles through the API, on a real database: the list across teams and who sees which team's, the
// PMO's flow for escalated obstacles (being handled, cleared) as the team sees it, bad input, and blocked time and
// time to clear computed in SQL agreeing with the rule in packages/domain.

const DAY = 86_400_000;
const H = 3_600_000;
type Who = 'member' | 'viewer' | 'outsider' | 'pmo' | 'admin';

describe('PMO obstacles', () => {
  let t: TestContext;
  const cookie = {} as Record<Who, string>;
  const ids = {} as Record<Who, string>;
  let marketing: Awaited<ReturnType<typeof createTeam>>;
  let legal: Awaited<ReturnType<typeof createTeam>>;

  beforeAll(async () => {
    t = await startTestApp();
    const people = {
      member: await createUser(t.db, { name: 'Sam Member' }),
      viewer: await createUser(t.db, { name: 'Vic Viewer' }),
      outsider: await createUser(t.db, { name: 'Olga Outsider' }),
      pmo: await createUser(t.db, { name: 'Pat PMO', orgRole: 'PMO' }),
      admin: await createUser(t.db, { name: 'Ada Admin', orgRole: 'ADMIN' }),
    };
    marketing = await createTeam(
      t.db,
      [
        { userId: people.member.id, role: 'MEMBER' },
        { userId: people.viewer.id, role: 'VIEWER' },
      ],
      'Brand marketing',
    );
    legal = await createTeam(t.db, [{ userId: people.outsider.id, role: 'MEMBER' }], 'Legal review');
    for (const [who, user] of Object.entries(people)) {
      cookie[who as Who] = await signIn(t.app, user.email);
      ids[who as Who] = user.id;
    }
  });
  afterAll(() => t.close());

  const call = (who: Who, method: 'GET' | 'PUT' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: { cookie: cookie[who] }, payload });
  const fieldOf = (res: { json(): { error: { fields?: { field: string }[] } } }) =>
    res.json().error.fields?.map((f) => f.field);
  const list = async (who: Who, query = '') => {
    const res = await call(who, 'GET', `/dashboard/obstacles${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return obstacleListSchema.parse(res.json()) as ObstacleList;
  };
  const titles = (l: ObstacleList) => l.obstacles.map((o) => o.title);
  const inProgress = (team: typeof marketing) => team.board.columns.find((c) => c.flowCategory === 'IN_PROGRESS')!;

  /** A blocked card, as if blocked `daysAgo` days ago. */
  const blockedCard = async (
    team: typeof marketing,
    title: string,
    daysAgo: number,
    category: string,
    ownerIds: string[] = [],
  ) => {
    const [card] = await addCards(t.db, team.board.id, inProgress(team).id, 1, title);
    return t.db.card.update({
      where: { id: card!.id },
      data: {
        blocked: true,
        blockedReason: `${title} waits`,
        blockerCategory: category,
        blockedSince: new Date(Date.now() - daysAgo * DAY),
        owners: { create: ownerIds.map((userId) => ({ userId })) },
      },
    });
  };

  describe('the list across teams', () => {
    beforeAll(async () => {
      await blockedCard(marketing, 'Spring claims', 9, 'legal_compliance', [ids.member]);
      await blockedCard(marketing, 'Banner set', 2, 'vendor');
      await blockedCard(marketing, 'Audience export', 5, 'data', [ids.member, ids.viewer]);
      await blockedCard(legal, 'Contract template', 7, 'other_team', [ids.outsider]);
      // Not an obstacle: archived while blocked, or not blocked.
      const archived = await blockedCard(marketing, 'Old teaser', 30, 'vendor');
      await t.db.card.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
      await addCards(t.db, marketing.board.id, inProgress(marketing).id, 1, 'Flowing card');
    });

    it('shows each person the obstacles of the teams they may read, oldest first', async () => {
      expect(titles(await list('member'))).toEqual(['Spring claims 1', 'Audience export 1', 'Banner set 1']);
      expect(titles(await list('viewer'))).toEqual(['Spring claims 1', 'Audience export 1', 'Banner set 1']);
      expect(titles(await list('outsider'))).toEqual(['Contract template 1']);
      for (const who of ['pmo', 'admin'] as const)
        expect(titles(await list(who))).toEqual([
          'Spring claims 1',
          'Contract template 1',
          'Audience export 1',
          'Banner set 1',
        ]);
      const first = (await list('pmo')).obstacles[0]!;
      expect(first).toMatchObject({
        teamName: 'Brand marketing',
        category: 'legal_compliance',
        reason: 'Spring claims waits',
        ageDays: 9,
        escalatedAt: null,
        pmo: null,
        owners: [{ id: ids.member, name: 'Sam Member' }],
      });
    });

    it('refuses a team the person may not read as not found, naming the filter', async () => {
      const res = await call('outsider', 'GET', `/dashboard/obstacles?teams=${marketing.id}`);
      expect(res.statusCode).toBe(404);
      expect(fieldOf(res)).toEqual(['querystring.teams']);
      expect((await call('pmo', 'GET', `/dashboard/obstacles?teams=${marketing.id}`)).statusCode).toBe(200);
    });

    it('sorts and filters in the database', async () => {
      expect(titles(await list('pmo', '?sort=age&dir=asc'))).toEqual([
        'Banner set 1',
        'Audience export 1',
        'Contract template 1',
        'Spring claims 1',
      ]);
      expect(titles(await list('pmo', '?sort=team'))[0]).toBe('Spring claims 1');
      expect(titles(await list('pmo', '?sort=team&dir=desc'))[0]).toBe('Contract template 1');
      expect(titles(await list('pmo', '?sort=title'))).toEqual([
        'Audience export 1',
        'Banner set 1',
        'Contract template 1',
        'Spring claims 1',
      ]);
      expect(titles(await list('pmo', '?sort=owner'))).toEqual([
        'Contract template 1',
        'Spring claims 1',
        'Audience export 1',
        'Banner set 1',
      ]);
      expect(titles(await list('pmo', '?category=vendor'))).toEqual(['Banner set 1']);
      expect(titles(await list('pmo', `?owner=${ids.member}`))).toEqual(['Spring claims 1', 'Audience export 1']);
      expect(titles(await list('pmo', `?teams=${legal.id}`))).toEqual(['Contract template 1']);
      const limited = await list('pmo', '?limit=2');
      expect([titles(limited), limited.total]).toEqual([['Spring claims 1', 'Contract template 1'], 4]);
      expect((await list('pmo')).owners.map((o) => o.name)).toEqual(['Olga Outsider', 'Sam Member', 'Vic Viewer']);
    });

    it('refuses bad filters naming the field', async () => {
      for (const [query, field] of [
        ['?sort=colour', 'querystring.sort'],
        ['?dir=up', 'querystring.dir'],
        ['?category=weather', 'querystring.category'],
        ['?escalated=maybe', 'querystring.escalated'],
        ['?owner=nobody', 'querystring.owner'],
        ['?limit=0', 'querystring.limit'],
        ['?limit=5001', 'querystring.limit'],
      ] as const) {
        const res = await call('pmo', 'GET', `/dashboard/obstacles${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(fieldOf(res), query).toEqual([field]);
      }
    });
  });

  describe('the PMO’s flow for an escalated obstacle', () => {
    it('goes escalated, being handled by whom with a note, cleared; the team sees it on the card and at the stand-up', async () => {
      const card = await blockedCard(marketing, 'Influencer contract', 4, 'legal_compliance', [ids.member]);
      expect((await call('member', 'PUT', `/cards/${card.id}/escalation`, { escalated: true })).statusCode).toBe(200);
      const escalated = (await list('pmo', '?escalated=yes')).obstacles;
      expect(escalated.map((o) => [o.title, o.pmo?.state])).toEqual([['Influencer contract 1', 'escalated']]);
      expect(titles(await list('pmo', '?escalated=no'))).not.toContain('Influencer contract 1');

      const handling = await call('pmo', 'PUT', `/cards/${card.id}/pmo-handling`, {
        state: 'handling',
        note: '  Meeting legal on Tuesday  ',
      });
      expect(handling.statusCode, handling.body).toBe(200);
      expect(handling.json().pmo).toMatchObject({
        state: 'handling',
        handler: { id: ids.pmo, name: 'Pat PMO' },
        note: 'Meeting legal on Tuesday',
      });

      const seen = (await call('member', 'GET', `/cards/${card.id}`)).json();
      expect(seen.pmo).toMatchObject({
        state: 'handling',
        handler: { name: 'Pat PMO' },
        note: 'Meeting legal on Tuesday',
      });
      expect(seen.version).toBe(card.version);
      const standup = standupSchema.parse((await call('viewer', 'GET', `/teams/${marketing.id}/standup`)).json());
      expect(standup.blocked.find((b) => b.cardId === card.id)!.pmo).toMatchObject({
        state: 'handling',
        note: 'Meeting legal on Tuesday',
      });
      expect((await list('pmo', '?sort=state')).obstacles[0]!.title).toBe('Influencer contract 1');

      expect(
        (
          await call('admin', 'PUT', `/cards/${card.id}/pmo-handling`, {
            state: 'cleared',
            note: 'Legal signed off the claims',
          })
        ).statusCode,
      ).toBe(200);
      expect((await call('member', 'GET', `/cards/${card.id}`)).json().pmo).toMatchObject({
        state: 'cleared',
        handler: { name: 'Ada Admin' },
        note: 'Legal signed off the claims',
      });

      // The team unblocks: the card leaves the list, and the PMO's state with it.
      const unblocked = await call('member', 'PATCH', `/cards/${card.id}`, { version: card.version, blocked: false });
      expect(unblocked.statusCode, unblocked.body).toBe(200);
      const after = (await call('member', 'GET', `/cards/${card.id}`)).json();
      expect([after.escalatedAt, after.pmo]).toEqual([null, null]);
      expect(titles(await list('pmo'))).not.toContain('Influencer contract 1');

      const kinds = (await t.db.activity.findMany({ where: { cardId: card.id }, orderBy: { id: 'asc' } })).map((a) => [
        a.kind,
        a.actorId,
      ]);
      expect(kinds).toEqual([
        [activityKinds.cardEscalated, ids.member],
        [activityKinds.cardEscalationHandling, ids.pmo],
        [activityKinds.cardEscalationResolved, ids.admin],
        [activityKinds.cardUnblocked, ids.member],
      ]);
    });

    it('starts afresh when the team takes the card off the list and escalates it again', async () => {
      const card = await blockedCard(marketing, 'Vendor files', 1, 'vendor');
      await call('member', 'PUT', `/cards/${card.id}/escalation`, { escalated: true });
      await call('pmo', 'PUT', `/cards/${card.id}/pmo-handling`, { state: 'handling', note: 'Chasing the vendor' });
      await call('member', 'PUT', `/cards/${card.id}/escalation`, { escalated: false });
      expect((await call('member', 'GET', `/cards/${card.id}`)).json().pmo).toBeNull();
      await call('member', 'PUT', `/cards/${card.id}/escalation`, { escalated: true });
      expect((await call('member', 'GET', `/cards/${card.id}`)).json().pmo).toEqual({
        state: 'escalated',
        handler: null,
        note: null,
        at: null,
      });
    });

    it('refuses bad input and people other than the PMO, naming the field', async () => {
      const card = await blockedCard(marketing, 'Photo rights', 3, 'legal_compliance');
      const notEscalated = await call('pmo', 'PUT', `/cards/${card.id}/pmo-handling`, {
        state: 'handling',
        note: 'On it',
      });
      expect(notEscalated.statusCode).toBe(400);
      expect(fieldOf(notEscalated)).toEqual(['body.state']);
      await call('member', 'PUT', `/cards/${card.id}/escalation`, { escalated: true });
      for (const [body, field] of [
        [{ state: 'handling', note: '   ' }, 'body.note'],
        [{ state: 'handling', note: 'x'.repeat(501) }, 'body.note'],
        [{ state: 'handling' }, 'body.note'],
        [{ state: 'done', note: 'On it' }, 'body.state'],
      ] as const) {
        const res = await call('pmo', 'PUT', `/cards/${card.id}/pmo-handling`, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(fieldOf(res), JSON.stringify(body)).toEqual([field]);
      }
      expect(
        (await call('member', 'PUT', `/cards/${card.id}/pmo-handling`, { state: 'handling', note: 'I will do it' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await call('viewer', 'PUT', `/cards/${card.id}/pmo-handling`, { state: 'handling', note: 'I will do it' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await call('outsider', 'PUT', `/cards/${card.id}/pmo-handling`, { state: 'handling', note: 'I will do it' }))
          .statusCode,
      ).toBe(404);
      expect(
        (
          await call('pmo', 'PUT', `/cards/00000000-0000-4000-8000-000000000000/pmo-handling`, {
            state: 'handling',
            note: 'On it',
          })
        ).statusCode,
      ).toBe(404);
      expect((await t.db.card.findUniqueOrThrow({ where: { id: card.id } })).pmoState).toBeNull();
      expect(
        await t.db.activity.count({
          where: {
            cardId: card.id,
            kind: { in: [activityKinds.cardEscalationHandling, activityKinds.cardEscalationResolved] },
          },
        }),
      ).toBe(0);
    });
  });

  describe('blocked time and time to clear', () => {
    it('agree between SQL and the rule in packages/domain on a fixture of overlapping, open and edge-crossing blocks', async () => {
      const team = await createTeam(t.db, [], 'Blocked time fixture');
      const other = await createTeam(t.db, [], 'Second fixture team');
      const now = Date.now();
      const today = localDay(now, 'UTC');
      const query = { from: addDays(today, -20), to: today, tz: 'UTC' };
      const period = periodBounds(query);
      const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
      const cards = await addCards(t.db, team.board.id, inProgress(team).id, 8, 'Fixture');
      const [otherCard] = await addCards(t.db, other.board.id, inProgress(other).id, 1, 'Other fixture');
      const blocked = (category: string) => ({ kind: activityKinds.cardBlocked, to: { reason: 'Waiting', category } });
      const unblocked = (category: string) => ({
        kind: activityKinds.cardUnblocked,
        from: { reason: 'Waiting', category },
      });
      const archived = {
        kind: activityKinds.cardArchived,
        from: { columnId: inProgress(team).id, swimlaneId: null, flowCategory: 'IN_PROGRESS' },
      };
      const restored = {
        kind: activityKinds.cardRestored,
        to: { columnId: inProgress(team).id, swimlaneId: null, flowCategory: 'IN_PROGRESS' },
      };
      const fixture: {
        card: { id: string };
        team: typeof team;
        daysAgo: number;
        entry: { kind: string; from?: object; to?: object };
      }[] = [
        // Across the period's start, cleared inside it.
        { card: cards[0]!, team, daysAgo: 25, entry: blocked('legal_compliance') },
        { card: cards[0]!, team, daysAgo: 18, entry: unblocked('legal_compliance') },
        // Overlapping blocks of one card: a new category while blocked, then cleared.
        { card: cards[1]!, team, daysAgo: 10, entry: blocked('legal_compliance') },
        { card: cards[1]!, team, daysAgo: 9, entry: blocked('legal_compliance') },
        { card: cards[1]!, team, daysAgo: 8, entry: blocked('vendor') },
        { card: cards[1]!, team, daysAgo: 6.5, entry: unblocked('vendor') },
        // Still open: counted up to now.
        { card: cards[2]!, team, daysAgo: 3, entry: blocked('vendor') },
        // Wholly before the period.
        { card: cards[3]!, team, daysAgo: 40, entry: blocked('data') },
        { card: cards[3]!, team, daysAgo: 30, entry: unblocked('data') },
        // Ended by archiving, never cleared.
        { card: cards[4]!, team, daysAgo: 12, entry: blocked('data') },
        { card: cards[4]!, team, daysAgo: 11, entry: archived },
        // Open since before the period.
        { card: cards[5]!, team, daysAgo: 60, entry: blocked('other_team') },
        // Archived while blocked, restored still blocked, then cleared: blocked again from the restore.
        { card: cards[6]!, team, daysAgo: 15, entry: blocked('creative_approval') },
        { card: cards[6]!, team, daysAgo: 14, entry: archived },
        { card: cards[6]!, team, daysAgo: 7, entry: restored },
        { card: cards[6]!, team, daysAgo: 5, entry: unblocked('creative_approval') },
        // Unblocked before it was archived: restoring it blocks nothing.
        { card: cards[7]!, team, daysAgo: 15, entry: blocked('creative_approval') },
        { card: cards[7]!, team, daysAgo: 14.5, entry: unblocked('creative_approval') },
        { card: cards[7]!, team, daysAgo: 14, entry: archived },
        { card: cards[7]!, team, daysAgo: 7, entry: restored },
        { card: otherCard!, team: other, daysAgo: 5, entry: blocked('legal_compliance') },
        { card: otherCard!, team: other, daysAgo: 4.25, entry: unblocked('legal_compliance') },
      ];
      for (const f of fixture) {
        await t.db.activity.create({
          data: {
            at: at(f.daysAgo),
            teamId: f.team.id,
            boardId: f.team.board.id,
            cardId: f.card.id,
            kind: f.entry.kind,
            from: f.entry.from ?? undefined,
            to: f.entry.to ?? undefined,
          },
        });
      }

      const teams = `${team.id},${other.id}`;
      const res = await call(
        'pmo',
        'GET',
        `/dashboard/obstacles/blocked-time?from=${query.from}&to=${query.to}&tz=UTC&teams=${teams}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const sql = blockedTimeSchema.parse(res.json());
      // The stretches the trigger kept as each entry was written are the ones a rebuild from the log makes.
      const stretches = async () =>
        (
          await t.db.cardBlock.findMany({
            where: { teamId: { in: [team.id, other.id] } },
            orderBy: { activityId: 'asc' },
          })
        ).map((b) => ({ ...b, activityId: String(b.activityId) }));
      const kept = await stretches();
      expect(kept).toHaveLength(12);
      await t.db.$executeRawUnsafe('SELECT rebuild_card_blocks()');
      expect(await stretches()).toEqual(kept);

      const rows = await t.db.activity.findMany({
        where: {
          teamId: { in: [team.id, other.id] },
          kind: {
            in: [
              activityKinds.cardBlocked,
              activityKinds.cardUnblocked,
              activityKinds.cardArchived,
              activityKinds.cardRestored,
            ],
          },
        },
      });
      const events: BlockingEvent[] = rows.map((r) => ({
        cardId: r.cardId!,
        teamId: r.teamId!,
        at: r.at.getTime(),
        seq: Number(r.id),
        kind:
          (
            {
              [activityKinds.cardBlocked]: 'blocked',
              [activityKinds.cardUnblocked]: 'unblocked',
              [activityKinds.cardArchived]: 'archived',
            } as const
          )[r.kind as string] ?? 'restored',
        category:
          ((r.kind === activityKinds.cardBlocked ? r.to : r.from) as { category?: string } | null)?.category ?? null,
      }));
      const domain = blockedTime(events, { from: period.fromMs, to: period.toMs }, Date.now());
      const byKey = (list: { teamId: string; category: string | null; hours: number; cards: number }[]) =>
        Object.fromEntries(
          list.map((r) => [
            `${r.teamId === team.id ? 'fixture' : 'other'}/${r.category}`,
            { hours: r.hours, cards: r.cards },
          ]),
        );
      const fromDomain = byKey(domain.map((d) => ({ ...d, hours: d.ms / H })));
      const fromSql = byKey(sql.rows);
      expect(Object.keys(fromSql).sort()).toEqual(Object.keys(fromDomain).sort());
      for (const [key, d] of Object.entries(fromDomain)) {
        expect(fromSql[key]!.cards, key).toBe(d.cards);
        // The API counts open blocks up to its own now, a moment before this one.
        expect(Math.abs(fromSql[key]!.hours - d.hours), key).toBeLessThan(0.05);
      }
      // The figures themselves, worked by hand: 20 days from the period start minus what is clipped.
      const periodStartDaysAgo = (now - period.fromMs) / DAY;
      expect(fromSql['fixture/legal_compliance']!.hours).toBeCloseTo((periodStartDaysAgo - 18) * 24 + 2 * 24, 0);
      expect(fromSql['fixture/vendor']!.hours).toBeCloseTo(1.5 * 24 + 3 * 24, 0);
      expect(fromSql['fixture/data']!.hours).toBeCloseTo(24, 0);
      expect(fromSql['fixture/other_team']!.hours).toBeCloseTo(periodStartDaysAgo * 24, 0);
      expect(fromSql['fixture/creative_approval']).toEqual({ hours: 24 + 0.5 * 24 + 2 * 24, cards: 2 });
      expect(fromSql['other/legal_compliance']).toEqual({ hours: 18, cards: 1 });

      const clear = timeToClearSchema.parse(
        (
          await call(
            'pmo',
            'GET',
            `/dashboard/obstacles/time-to-clear?from=${query.from}&to=${query.to}&tz=UTC&teams=${teams}`,
          )
        ).json(),
      );
      const obstacles = clearedObstacles(events);
      const bounds = { from: period.fromMs, to: period.toMs };
      const expectedByCategory = timeToClearByWeek(obstacles, (o) => o.category, bounds, 'UTC').map((w) => ({
        week: w.week,
        category: w.key,
        cleared: w.cleared,
        medianHours: Math.round(w.medianHours * 100) / 100,
      }));
      const expectedByTeam = timeToClearByWeek(obstacles, (o) => o.teamId, bounds, 'UTC').map((w) => ({
        week: w.week,
        teamId: w.key,
        cleared: w.cleared,
        medianHours: Math.round(w.medianHours * 100) / 100,
      }));
      const keyOf = (r: { week: string; teamId?: string | null; category?: string | null }) =>
        `${r.week}/${r.teamId ?? r.category}`;
      const sortRows = <R extends { week: string; teamId?: string | null; category?: string | null }>(r: R[]) =>
        [...r].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
      expect(sortRows(clear.byCategory)).toEqual(sortRows(expectedByCategory));
      expect(sortRows(clear.byTeam)).toEqual(sortRows(expectedByTeam));
      expect(clear.byCategory.reduce((n, w) => n + w.cleared, 0)).toBe(5);
      // The restored card's obstacle is timed from its restore: two days.
      expect(obstacles.find((o) => o.cardId === cards[6]!.id)).toMatchObject({
        blockedAt: at(7).getTime(),
        clearedAt: at(5).getTime(),
      });
    });

    it('covers only the teams a person may read', async () => {
      const period = `from=${addDays(localDay(Date.now(), 'UTC'), -30)}&to=${localDay(Date.now(), 'UTC')}`;
      const mine = blockedTimeSchema.parse(
        (await call('outsider', 'GET', `/dashboard/obstacles/blocked-time?${period}`)).json(),
      );
      expect(mine.teams.map((x) => x.id)).toEqual([legal.id]);
      expect(mine.rows.every((r) => r.teamId === legal.id)).toBe(true);
      const refused = await call(
        'outsider',
        'GET',
        `/dashboard/obstacles/time-to-clear?${period}&teams=${marketing.id}`,
      );
      expect(refused.statusCode).toBe(404);
      expect(fieldOf(refused)).toEqual(['querystring.teams']);
      const backwards = await call('pmo', 'GET', `/dashboard/obstacles/blocked-time?from=2026-03-10&to=2026-03-01`);
      expect(backwards.statusCode).toBe(400);
      expect(fieldOf(backwards)).toEqual(['querystring.to']);
    });
  });
});

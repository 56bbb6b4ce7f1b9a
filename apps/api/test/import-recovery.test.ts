import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failAbandonedImports } from '../src/services/imports/fail-import';
import { ImportRunner } from '../src/services/imports/import-runner';
import { runNextImport } from '../src/services/imports/run-import';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// An import whose server stops mid-job: another process (or the same one starting again) finds it by its lapsed
// lease, marks it failed with a clear message and takes back the cards it had written; the stopped job, should it
// wake, writes nothing more; the file imports again in full.

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('an import left running by a stopped server', () => {
  let t: TestContext;
  let cookie: string;
  let master: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    t = await startTestApp();
    // This test runs imports itself, step by step.
    await t.app.imports.close();
    master = await createUser(t.db);
    cookie = await signIn(t.app, master.email);
  }, 60_000);
  afterAll(() => t.close());

  const csv = `title,column\n${Array.from({ length: 150 }, (_, i) => `Imported card ${i},In progress`).join('\n')}\n`;
  const queue = async (teamId: string, content = csv) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/teams/${teamId}/imports`,
      headers: { cookie },
      payload: { format: 'csv', fileName: 'many.csv', content: Buffer.from(content).toString('base64') },
    });
    expect(res.statusCode, res.body).toBe(202);
    return res.json().id as string;
  };
  /**
   * Runs the next import until its first batch has committed, then holds it there, as a process that dies between
   * batches would; `wake` lets it go on. (A job that fails instead ends `running` early, and the test with it.)
   */
  const stopAfterFirstBatch = async () => {
    const firstBatch = deferred();
    const wake = deferred();
    const running = runNextImport(t.db, {
      afterBatch: async () => {
        firstBatch.resolve();
        await wake.promise;
      },
    });
    await Promise.race([firstBatch.promise, running]);
    return { running, wake };
  };
  const age = (jobId: string) =>
    t.db.$executeRaw`UPDATE import_jobs SET heartbeat_at = heartbeat_at - interval '1 hour' WHERE id = ${jobId}`;

  it('is failed with a clear message once its lease lapses, with none of its cards left; the stopped job writes nothing more', async () => {
    const team = await createTeam(t.db, [{ userId: master.id, role: 'SCRUM_MASTER' }]);
    const jobId = await queue(team.id);
    // The first batch commits, then the job stops there, as a process that dies between batches would.
    const { running, wake } = await stopAfterFirstBatch();
    expect(await t.db.card.count({ where: { boardId: team.board.id } })).toBe(100);
    expect(await t.db.cardFlow.count({ where: { boardId: team.board.id } })).toBe(100);
    expect(await t.db.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: 'RUNNING',
      processed: 100,
    });

    // Its lease is fresh: the job is alive and left alone.
    expect(await failAbandonedImports(t.db)).toBe(0);
    await age(jobId);
    expect(await failAbandonedImports(t.db)).toBe(1);

    const res = await t.app.inject({ method: 'GET', url: `/api/imports/${jobId}`, headers: { cookie } });
    expect(res.json()).toMatchObject({ status: 'FAILED', created: 0 });
    expect(res.json().error).toMatch(
      /^The import stopped because the server running it stopped \(its last progress was at .+ UTC\)\. The 100 cards it had written were taken away again\. Nothing from this import is on the board; import the file again\.$/,
    );
    expect(await t.db.card.count({ where: { boardId: team.board.id } })).toBe(0);
    expect(await t.db.cardFlow.count({ where: { boardId: team.board.id } })).toBe(0);

    // Should the stopped job wake, its next batch finds it given up and rolls back.
    wake.resolve();
    expect(await running).toBe(true);
    expect(await t.db.card.count({ where: { boardId: team.board.id } })).toBe(0);
    expect(await t.db.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: 'FAILED',
      processed: 100,
    });

    // The same file again imports in full: nothing of the failed job stands in its way.
    const again = await queue(team.id);
    expect(await runNextImport(t.db)).toBe(true);
    expect(await t.db.importJob.findUniqueOrThrow({ where: { id: again } })).toMatchObject({
      status: 'DONE',
      created: 150,
    });
    expect(await t.db.card.count({ where: { boardId: team.board.id } })).toBe(150);
  });

  it('is failed by a server as it starts', async () => {
    const team = await createTeam(t.db, [{ userId: master.id, role: 'SCRUM_MASTER' }]);
    const jobId = await queue(team.id);
    const { running, wake } = await stopAfterFirstBatch();
    await age(jobId);

    // A server starting finds it; the import runner is what its start-up runs.
    const runner = new ImportRunner(t.db, t.app.log);
    runner.start();
    for (;;) {
      const job = await t.db.importJob.findUniqueOrThrow({ where: { id: jobId } });
      if (job.status !== 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await runner.close();
    expect(await t.db.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: 'FAILED',
      error: expect.stringContaining('server running it stopped'),
    });
    expect(await t.db.card.count({ where: { boardId: team.board.id } })).toBe(0);
    wake.resolve();
    await running;
  });

  it('takes away the columns it added, unless someone put a card in one meanwhile', async () => {
    const team = await createTeam(t.db, [{ userId: master.id, role: 'SCRUM_MASTER' }]);
    const trello = readFileSync(path.join(import.meta.dirname, 'fixtures', 'trello-board.json')).toString('base64');
    const queued = await t.app.inject({
      method: 'POST',
      url: `/api/teams/${team.id}/imports`,
      headers: { cookie },
      payload: {
        format: 'trello',
        fileName: 'spring.json',
        content: trello,
        flowCategories: { 'Up next': 'TODO', Writing: 'IN_PROGRESS', 'Old stuff': 'DONE' },
      },
    });
    expect(queued.statusCode, queued.body).toBe(202);
    const jobId = queued.json().id as string;
    const before = (await t.db.column.findMany({ where: { boardId: team.board.id } })).map((c) => c.name);
    const { running, wake } = await stopAfterFirstBatch();
    const added = (
      await t.db.column.findMany({
        where: { boardId: team.board.id, name: { notIn: before } },
        orderBy: { position: 'asc' },
      })
    ).map((c) => c.name);
    expect(added.length).toBeGreaterThan(1);
    // Someone puts a card of their own in the first of them.
    const kept = await t.db.column.findFirstOrThrow({ where: { boardId: team.board.id, name: added[0] } });
    await t.db.card.create({
      data: { boardId: team.board.id, columnId: kept.id, rank: 'm', title: 'Mine, not imported' },
    });

    await age(jobId);
    expect(await failAbandonedImports(t.db)).toBe(1);
    const error = (await t.db.importJob.findUniqueOrThrow({ where: { id: jobId } })).error!;
    expect(error).toContain(`and the columns it added (${added.slice(1).join(', ')}) were taken away again.`);
    const after = (await t.db.column.findMany({ where: { boardId: team.board.id } })).map((c) => c.name);
    expect(after.sort()).toEqual([...before, added[0]!].sort());
    const logged = await t.db.activity.findMany({ where: { boardId: team.board.id, kind: 'column.deleted' } });
    expect(logged.map((e) => (e.from as { name: string }).name).sort()).toEqual(added.slice(1).sort());
    expect(logged.every((e) => e.actorId === null)).toBe(true);
    expect((await t.db.card.findMany({ where: { boardId: team.board.id } })).map((c) => c.title)).toEqual([
      'Mine, not imported',
    ]);
    wake.resolve();
    await running;
  });

  it('lets another team’s small import finish while a large one is under way', async () => {
    const large = await createTeam(t.db, [{ userId: master.id, role: 'SCRUM_MASTER' }]);
    const small = await createTeam(t.db, [{ userId: master.id, role: 'SCRUM_MASTER' }]);
    const largeJob = await queue(large.id);
    const firstBatch = deferred();
    const held = deferred();
    // The large import is held after its first batch, as a slow one would be.
    const runner = new ImportRunner(t.db, t.app.log, {
      afterBatch: async (jobId) => {
        if (jobId !== largeJob) return;
        firstBatch.resolve();
        await held.promise;
      },
    });
    runner.start();
    await firstBatch.promise;
    const smallJob = await queue(small.id, 'title\nQuick one\n');
    runner.kick();
    const status = async (id: string) => (await t.db.importJob.findUniqueOrThrow({ where: { id } })).status;
    while ((await status(smallJob)) !== 'DONE') await new Promise((r) => setTimeout(r, 50));
    expect(await t.db.importJob.findUniqueOrThrow({ where: { id: largeJob } })).toMatchObject({
      status: 'RUNNING',
      processed: 100,
    });
    held.resolve();
    while ((await status(largeJob)) !== 'DONE') await new Promise((r) => setTimeout(r, 50));
    await runner.close();
    expect(await t.db.card.count({ where: { boardId: large.board.id } })).toBe(150);
  });

  it('runs one team’s imports one after the other', async () => {
    const team = await createTeam(t.db, [{ userId: master.id, role: 'SCRUM_MASTER' }]);
    const first = await queue(team.id);
    const { running, wake } = await stopAfterFirstBatch();
    await queue(team.id, 'title\nSecond\n');
    // The team's first import is under way: its second waits for it.
    expect(await runNextImport(t.db)).toBe(false);
    wake.resolve();
    await running;
    expect(await t.db.importJob.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ status: 'DONE' });
    expect(await runNextImport(t.db)).toBe(true);
  });
});

// npm run db:seed [-- --reset [--yes]]: loads the demo data into DATABASE_URL (or the embedded database in DATA_DIR).
// Without --reset it refuses a database that already has accounts; --reset empties every table first.
import { createInterface } from 'node:readline/promises';
import { loadConfig } from '../config';
import { openDatabase } from './database';
import { seedDemoData } from './seed';

const reset = process.argv.includes('--reset');
const yes = process.argv.includes('--yes');
const config = loadConfig();
const database = await openDatabase(config, console.log);
try {
  if (reset) {
    if (!yes) {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      const answer = await rl.question(
        `This deletes every team, card and account in ${database.embedded ? 'the embedded database' : 'DATABASE_URL'}. Type "reset" to go on: `,
      );
      rl.close();
      if (answer.trim() !== 'reset') {
        console.log('Nothing changed.');
        process.exitCode = 1;
      }
    }
    if (process.exitCode !== 1) {
      // The activity log refuses deletes row by row (it is append-only); TRUNCATE is the deliberate way to clear it.
      await database.prisma.$executeRawUnsafe(
        'TRUNCATE activity, wip_breaches, card_links, checklist_items, checklists, comments, card_principles, card_owners, cards, sprints, swimlanes, columns, boards, memberships, teams, sessions, users, principles RESTART IDENTITY CASCADE',
      );
      console.log('Database emptied.');
    }
  }
  if (process.exitCode !== 1) {
    const seeded = await seedDemoData(database.prisma, { onProgress: console.log });
    if (!seeded) {
      console.log(
        'The database already has accounts, so no demo data was added. Run `npm run db:seed -- --reset` to start over.',
      );
      process.exitCode = 1;
    } else console.log('Sign in as maya@demo.test with password demo-password-1 (README lists every demo account).');
  }
} finally {
  await database.close();
}

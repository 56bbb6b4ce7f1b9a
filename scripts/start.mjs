// npm start: builds the web app and serves it with the API on one port.
// Without DATABASE_URL the data lives in an embedded database under .data/, with demo data on first start.
import { bin, buildWeb, generateClient, startProcess } from './steps.mjs';

generateClient();
buildWeb();
startProcess(bin('tsx'), ['apps/api/src/server.ts'], { env: { NODE_ENV: 'production', ...process.env } });

// npm start: builds the web app and the API, then serves both on one port from plain JavaScript (node alone).
// Without DATABASE_URL the data lives in an embedded database under .data/, with demo data on first start.
import { buildApi, buildWeb, generateClient, startProcess } from './steps.mjs';

generateClient();
buildWeb();
buildApi();
startProcess(process.execPath, ['--enable-source-maps', 'apps/api/dist/server.js'], {
  env: { NODE_ENV: 'production', ...process.env },
});

# The app in one image: the API serving the built web app on one port. Pair it with PostgreSQL (docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000

COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/domain/package.json packages/domain/
COPY packages/shared/package.json packages/shared/
# Dev dependencies are needed to build the web app and to run the TypeScript server (tsx).
RUN npm ci --include=dev --no-audit --no-fund

COPY . .
RUN npm run build

EXPOSE 3000
# Migrations are applied at start-up; the server waits for nothing else.
CMD ["npx", "tsx", "apps/api/src/server.ts"]

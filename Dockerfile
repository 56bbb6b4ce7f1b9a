# The app in one image: the API serving the built web app on one port. Pair it with PostgreSQL (docker-compose.yml).
# Two stages: the first builds (it needs the dev dependencies: TypeScript, Vite, esbuild, Prisma's generator); the
# second runs the built JavaScript with node alone, with production dependencies only, as an unprivileged user.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/domain/package.json packages/domain/
COPY packages/shared/package.json packages/shared/
RUN npm ci --include=dev --no-audit --no-fund
COPY . .
# Generates the Prisma client, builds the web app (with .br/.gz beside each asset) and bundles the API into
# apps/api/dist (the workspace packages and the generated client inside; npm packages stay imports).
RUN npm run build

FROM node:24-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/domain/package.json packages/domain/
COPY packages/shared/package.json packages/shared/
# Only what the API imports at run time: no TypeScript, no build tools.
RUN npm ci --omit=dev --workspace apps/api --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/web/dist apps/web/dist
COPY prisma/migrations prisma/migrations
# The embedded database (only used without DATABASE_URL) needs a folder the app may write.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# Migrations are applied at start-up; the server waits for nothing else.
CMD ["node", "--enable-source-maps", "apps/api/dist/server.js"]

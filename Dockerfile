# syntax=docker/dockerfile:1
# The ledger service: `docker build -t ledger .`, run by compose.yaml (docs/deploying.md).
# The runtime image holds the compiled server (dist/src), the built console (dist/console) and the
# production dependencies only; compilers stay in the stages before it.

ARG NODE_IMAGE=node:20-bookworm-slim

# Node plus what node-gyp needs: better-sqlite3 is a native addon, compiled from source here
# (build-from-source, against the headers this Node ships in /usr/local) rather than fetched
# prebuilt, so the image builds the same without access to prebuilt binaries.
FROM ${NODE_IMAGE} AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_build_from_source=true \
    npm_config_nodedir=/usr/local \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
WORKDIR /app

# Production dependencies only, native addons compiled: copied whole into the runtime stage.
FROM toolchain AS prod-deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev \
 && node -e "new (require('better-sqlite3'))(':memory:').close()" \
 && npm cache clean --force

# Everything, devDependencies included (TypeScript, Vite): compiles the server and the console.
FROM toolchain AS build
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm run console:build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/console ./dist/console
# ./data is where SQLite (DATABASE_URL unset or sqlite:) keeps its file: the only place the
# unprivileged user may write. With PostgreSQL it stays empty.
RUN mkdir data && chown node:node data
USER node
EXPOSE 3000
# /health answers 503 while the database or Redis is down and while the instance drains on SIGTERM.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, not npm or a shell, receives SIGTERM: it drains in-flight work and exits 0
# (docs/deploying.md). compose.yaml adds an init process to reap and forward signals.
CMD ["node", "dist/src/main.js"]

# One image for every process of the product: the API, the worker and the one-shot migrate step
# differ only by their command (see docker-compose.yml). Built on the current Node LTS.
FROM node:24-bookworm-slim AS build
WORKDIR /app
# Toolchain for native addons (argon2, msgpackr-extract) should no prebuilt binary fit.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY bench ./bench
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    STORAGE_DIR=/data/storage \
    PORT=3000 \
    WORKER_HEALTH_PORT=3001
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# The demo lesson video, for the optional demo seed.
COPY --from=build --chown=node:node /app/apps/cli/assets ./apps/cli/assets
RUN mkdir -p /data/storage && chown node:node /data/storage
USER node
EXPOSE 3000 3001
# The API's Node options: apps/api/src/node-options.ts (API_NODE_OPTIONS).
CMD ["node", "--max-old-space-size=1024", "dist/apps/api/src/main.js"]

# syntax=docker/dockerfile:1
# assay's container images (docs/containers.md). Three targets:
#
#   docker build --target runtime -t assay:0.1.0 .              node + the assay runtime, no Lua
#   docker build --target stdlib  -t assay-stdlib:0.1.0 .       FROM scratch: /lib/assay/**.lua
#                                                               and /lib/assay/manifest.yaml
#   docker build --target full    -t assay:0.1.0-full .         runtime + stdlib (the default)
#
# Compose your own image from the two halves (docs/containers.md has the whole recipes):
#   cherry-pick:   FROM assay:0.1.0
#                  COPY --from=assay-stdlib:0.1.0 /lib/assay/manifest.yaml /lib/assay/
#                  COPY --from=assay-stdlib:0.1.0 /lib/assay/k8s   /lib/assay/k8s
#                  COPY --from=assay-stdlib:0.1.0 /lib/assay/vault /lib/assay/vault
#   user-defined:  FROM assay:0.1.0-full
#                  COPY lib/acme /lib/assay/acme          → require("assay.acme")
#
# Base image: the Node.js LTS line (24), pinned to a version; pin a digest with
# --build-arg NODE_IMAGE=node:24.20.0-trixie-slim@sha256:<digest>. assay runs on Node >= 20:
# another line works too (the build and runtime stages share the image, so the SQLite addon
# is built for the Node that runs it).
ARG NODE_IMAGE=node:24.20.0-trixie-slim

# ---- build: the runtime bundle and the stdlib tree ------------------------------------------
FROM ${NODE_IMAGE} AS build
# a compiler for better-sqlite3 in case no prebuilt binary fits this Node and platform
# (this stage only: the images get the built addon)
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY package.json package-lock.json ./
# (no lifecycle scripts: `prepare` needs the sources; the native addon is built on its own)
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3 esbuild
COPY tsconfig.json ./
COPY bin ./bin
COPY scripts ./scripts
COPY src ./src
COPY stdlib ./stdlib
# the same script the tests run (tests/container/): dist/bundle → a directory that runs with
# node alone; then the stdlib's distributed files (modules and manifest, no tests)
RUN node scripts/build.mjs \
 && node scripts/build-image-runtime.mjs --out /out/opt/assay \
 && node scripts/build-image-runtime.mjs --stdlib /out/lib/assay

# ---- runtime: node + assay --------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# nothing installs packages into this image: no npm, npx, corepack or yarn
RUN rm -rf /usr/local/lib/node_modules /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack \
           /usr/local/bin/yarn /usr/local/bin/yarnpkg /opt/yarn-* \
 && groupadd --system --gid 10001 assay \
 && useradd --system --uid 10001 --gid assay --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin assay
COPY --from=build /out/opt/assay /opt/assay
# The compile cache goes to a writable temporary path: mount an emptyDir (or tmpfs) at /tmp
# when the root file system is read-only. A cache directory that cannot be created or
# written turns caching off for the run; nothing fails. ASSAY_LIB_PATH is the default,
# spelled out: libraries added under /lib/assay are found. The launcher's directory is on
# PATH rather than a symlink to it in /usr/local/bin, which the launcher would resolve with
# readlink (a subprocess, a few ms of every start).
ENV ASSAY_CACHE_DIR=/tmp/assay-cache \
    ASSAY_LIB_PATH=/lib/assay \
    NODE_ENV=production \
    PATH=/opt/assay/bin:$PATH
LABEL org.opencontainers.image.title="assay" \
      org.opencontainers.image.description="A Lua 5.4 runtime for operations scripting (runtime only; libraries go in /lib/assay)" \
      org.opencontainers.image.version="0.1.0" \
      org.opencontainers.image.licenses="MIT"
USER 10001:10001
ENTRYPOINT ["assay"]
CMD ["--help"]

# ---- stdlib: only the Lua libraries and their manifest ------------------------------------------
FROM scratch AS stdlib
COPY --from=build /out/lib/assay /lib/assay

# ---- full: runtime + stdlib (the last stage: what a plain `docker build .` makes) ----------------
FROM runtime AS full
COPY --from=stdlib /lib/assay /lib/assay
# The stdlib comes precompiled: its modules are compiled into a cache directory owned by the
# image's user while building (requiring assay.k8s and assay.vault costs ~100 ms of compiling
# otherwise, on every run of a one-shot Job). On a read-only root file system the cache is
# used read-only (a script's own chunk is compiled each run); on a writable one it keeps
# growing. ASSAY_CACHE_DIR=/tmp/assay-cache gives the runtime image's behaviour instead.
ENV ASSAY_LIB_PATH=/lib/assay \
    ASSAY_CACHE_DIR=/opt/assay/cache
USER root
RUN install -d -o 10001 -g 10001 -m 0755 /opt/assay/cache
USER 10001:10001
RUN assay stdlib compile \
 && chmod -R a+rX /opt/assay/cache
LABEL org.opencontainers.image.description="A Lua 5.4 runtime for operations scripting, with its standard library in /lib/assay"

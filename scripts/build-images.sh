#!/usr/bin/env bash
# Builds Sferum's container images with the .NET SDK alone (no Docker engine) as tar.gz archives in the given folder:
# sferum-silo, sferum-web, sferum-devidentity. Load them with `podman load -i`, `skopeo copy docker-archive:…` or
# push them to a registry with ContainerRegistry instead. The base images come from mcr.microsoft.com. docs/deploy.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-out/images}")"
tag="${SFERUM_IMAGE_TAG:-$(git rev-parse --short HEAD 2>/dev/null || echo dev)}"
mkdir -p "$out"
for project in Sferum.Silo Sferum.Web Sferum.DevIdentity; do
  dotnet publish "$project" -c Release --os linux --arch x64 /t:PublishContainer \
    -p:ContainerImageTags="\"$tag;latest\"" -p:ContainerArchiveOutputPath="$out/"
done
ls -l "$out"

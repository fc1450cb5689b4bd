#!/usr/bin/env bash
# Builds Sferum's container images with the .NET SDK alone (dotnet publish /t:PublishContainer, no Docker engine) as
# tar.gz archives in OUT (default out/images): sferum-silo, sferum-web, sferum-devidentity. Load them with
# `podman load -i`, `skopeo copy docker-archive:…` or `ctr import`. docs/deploy.md (Container images).
#
# The base image: SFERUM_BASE_IMAGE when given (e.g. mcr.microsoft.com/dotnet/aspnet:10.0 where that registry is
# reachable); otherwise one built here from Debian's packages and this SDK's ASP.NET Core runtime
# (scripts/images/base-image.sh), served to the SDK by a private registry on 127.0.0.1 (Debian's docker-registry)
# that lives only while this script runs. Needs root for debootstrap; its root file system is kept in .sferum/images.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-out/images}")"
tag="${SFERUM_IMAGE_TAG:-$(git rev-parse --short HEAD 2>/dev/null || echo dev)}"
mkdir -p "$out"

base="${SFERUM_BASE_IMAGE:-}"
if [ -z "$base" ]; then
  missing=()
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || { echo "Install ${missing[*]} (Debian packages) or give SFERUM_BASE_IMAGE." >&2; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  work="$(realpath -m .sferum/images)"; port="${SFERUM_REGISTRY_PORT:-55000}"
  mkdir -p "$work/registry"
  cat > "$work/registry.yml" <<YAML
version: 0.1
log: { level: warn }
storage: { filesystem: { rootdirectory: $work/registry } }
http: { addr: "127.0.0.1:$port" }
YAML
  docker-registry serve "$work/registry.yml" > "$work/registry.log" 2>&1 &
  registry_pid=$!
  trap 'kill $registry_pid 2>/dev/null || true' EXIT
  for _ in $(seq 50); do curl -fsS -o /dev/null "http://127.0.0.1:$port/v2/" && break; sleep 0.2; done
  base="$(scripts/images/base-image.sh "$work" "localhost:$port" | tail -n 1)"
fi
echo "Base image: $base"

for project in Sferum.Silo Sferum.Web Sferum.DevIdentity; do
  dotnet publish "$project" -c Release --os linux --arch x64 /t:PublishContainer -nologo -v quiet \
    -p:ContainerBaseImage="$base" -p:ContainerImageTags="\"$tag;latest\"" -p:ContainerArchiveOutputPath="$out/"
done
ls -l "$out"

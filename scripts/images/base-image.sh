#!/usr/bin/env bash
# Builds the base image Sferum's images run on, without a Docker engine and without Microsoft's registry: a minimal
# Debian 12 (debootstrap) with what .NET needs (ICU, OpenSSL, CA certificates, time zones), DejaVu fonts (the silo embeds
# them in acts of destruction), the ASP.NET Core runtime
# of this machine's .NET SDK, and a non-root user 'app' (uid 1654, home /home/app, as in Microsoft's images). It is pushed as one layer
# to the registry given (a private one on loopback: scripts/build-images.sh starts it).
#   scripts/images/base-image.sh WORKDIR REGISTRY        e.g. .sferum/images localhost:55000
# The root file system is kept in WORKDIR/rootfs-<runtime version> and reused by later runs.
set -euo pipefail
work="$(realpath -m "$1")"; registry="$2"; repository="sferum/dotnet-aspnet"
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
runtime="$(ls "$dotnet_root/shared/Microsoft.AspNetCore.App" | sort -V | tail -n 1)"
tag="${runtime}-bookworm"
# Bumped whenever what goes into the base changes: cached root file systems and layers of an older recipe are rebuilt.
recipe=3
rootfs="$work/rootfs-$runtime-$recipe"
mkdir -p "$work"

if [ ! -f "$rootfs/.complete" ]; then
  command -v debootstrap >/dev/null || { echo "debootstrap is needed (apt-get install debootstrap)" >&2; exit 1; }
  rm -rf "$rootfs"
  echo "Base image: Debian 12 (minbase) into $rootfs"
  debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata,libgssapi-krb5-2,zlib1g,fonts-dejavu-core \
    bookworm "$rootfs" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" > "$work/debootstrap.log" 2>&1 \
    || { tail -n 20 "$work/debootstrap.log" >&2; exit 1; }
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*
  # The runtime Sferum is built against: the host, and the .NET and ASP.NET Core shared frameworks.
  mkdir -p "$rootfs/usr/share/dotnet/shared"
  cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$rootfs/usr/share/dotnet/"
  for framework in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
    mkdir -p "$rootfs/usr/share/dotnet/shared/$framework"
    cp -a "$dotnet_root/shared/$framework/$runtime" "$rootfs/usr/share/dotnet/shared/$framework/"
  done
  ln -sf /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"
  # The app's own writable place is its home (as in Microsoft's images); /app, where the SDK puts the app, is root's.
  echo "app:x:1654:1654::/home/app:/usr/sbin/nologin" >> "$rootfs/etc/passwd"
  echo "app:x:1654:" >> "$rootfs/etc/group"
  mkdir -p "$rootfs/home/app" && chown 1654:1654 "$rootfs/home/app"
  touch "$rootfs/.complete"
fi

# One layer: the whole root file system. Its digest is of the compressed tar; the diff id of the tar itself.
layer="$work/layer-$runtime-$recipe.tar.gz"
if [ ! -f "$layer" ]; then
  tar --numeric-owner --exclude=./.complete -C "$rootfs" -cf "$work/layer.tar" .
  diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
  gzip -n -c "$work/layer.tar" > "$layer" && rm "$work/layer.tar"
  echo "$diff_id" > "$layer.diffid"
fi
diff_id="$(cat "$layer.diffid")"
layer_digest="sha256:$(sha256sum "$layer" | cut -d' ' -f1)"
config="$work/config-$runtime.json"
cat > "$config" <<JSON
{"architecture":"amd64","os":"linux","config":{"User":"1654","WorkingDir":"/app","Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","APP_UID=1654","ASPNETCORE_HTTP_PORTS=8080","DOTNET_RUNNING_IN_CONTAINER=true","DOTNET_VERSION=$runtime","ASPNET_VERSION=$runtime"],"Labels":{"org.opencontainers.image.title":"Sferum base: Debian 12 with ASP.NET Core $runtime"}},"rootfs":{"type":"layers","diff_ids":["$diff_id"]}}
JSON
config_digest="sha256:$(sha256sum "$config" | cut -d' ' -f1)"

push_blob() { # file digest
  if curl -fs -o /dev/null -I "http://$registry/v2/$repository/blobs/$2"; then return; fi
  local location
  location="$(curl -fsS -X POST -D - -o /dev/null "http://$registry/v2/$repository/blobs/uploads/" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')"
  case "$location" in http*) ;; *) location="http://$registry$location" ;; esac
  local separator='?'; [[ "$location" == *\?* ]] && separator='&'
  curl -fsS -X PUT -H "Content-Type: application/octet-stream" --data-binary "@$1" "$location${separator}digest=$2" -o /dev/null
}
push_blob "$layer" "$layer_digest"
push_blob "$config" "$config_digest"
manifest="$work/manifest-$runtime.json"
cat > "$manifest" <<JSON
{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":$(stat -c %s "$config"),"digest":"$config_digest"},"layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":$(stat -c %s "$layer"),"digest":"$layer_digest"}]}
JSON
curl -fsS -X PUT -H "Content-Type: application/vnd.docker.distribution.manifest.v2+json" --data-binary "@$manifest" \
  "http://$registry/v2/$repository/manifests/$tag" -o /dev/null
echo "$registry/$repository:$tag"

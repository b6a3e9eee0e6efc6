#!/usr/bin/env bash
# Fetch the vendored browser libraries again from the npm registry and compare them with the committed
# copies (audit/static/vendor/SHA256SUMS). Nothing at run time needs npm: this only checks provenance.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for pkg in workbox-sw workbox-core workbox-precaching workbox-routing workbox-strategies workbox-expiration \
           workbox-cacheable-response; do
  (cd "$work" && npm pack -q "$pkg@7.4.1" >/dev/null && mkdir "$pkg" && tar xzf "$pkg-7.4.1.tgz" -C "$pkg")
done
(cd "$work" && npm pack -q idb@8.0.4 >/dev/null && mkdir idb && tar xzf idb-8.0.4.tgz -C idb)
mkdir -p "$work/out/workbox-7.4.1" "$work/out/idb-8.0.4"
cp "$work"/workbox-sw/package/build/workbox-sw.js "$work/out/workbox-7.4.1/"
for pkg in core precaching routing strategies expiration cacheable-response; do
  cp "$work/workbox-$pkg/package/build/workbox-$pkg.prod.js" "$work/out/workbox-7.4.1/"
done
cp "$work/idb/package/build/umd.js" "$work/out/idb-8.0.4/"
(cd "$work/out" && sha256sum -c "$OLDPWD/audit/static/vendor/SHA256SUMS")

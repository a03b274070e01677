# Sourced by eng/run and eng/test: installs what the platform needs on a fresh Debian machine,
# once. Safe to run any number of times.

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    echo "eng: apt-get update"
    as_root apt-get update -qq
    apt_updated=1
  fi
  echo "eng: apt-get install $*"
  # The packages' own services are not used (the AppHost runs private instances); policy-rc.d
  # keeps apt from starting them where it could.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# deploy/'s checks: kustomize (kubectl's) renders the overlays, npm's kubernetes-models validate them (deploy/check), offline.
install_deploy_check() {
  command -v kubectl >/dev/null 2>&1 || apt_install kubernetes-client
  command -v node >/dev/null 2>&1 || apt_install nodejs npm
  local check="$repo_root/deploy/check"
  if [ ! -d "$check/node_modules" ] || [ "$check/package-lock.json" -nt "$check/node_modules/.package-lock.json" ]; then
    echo "eng: npm ci in deploy/check"
    (cd "$check" && npm ci --no-audit --no-fund --loglevel=error) || return 1
  fi
}

# The dashboard's browser tests drive Debian's Chromium through Playwright (no browser download).
install_test_browser() {
  command -v chromium >/dev/null 2>&1 || apt_install chromium
}

install_prerequisites() {
  local missing=()
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  # eng/ops-code makes the development operator's authenticator codes (the README's walkthrough signs in with one).
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  # Invoices are printed in DejaVu Sans, which has every French character and the euro sign.
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
  if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}"
  fi
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "eng: the .NET SDK 10 is required (dotnet on PATH)" >&2
    return 1
  fi
  evict_stale_shim
}

# Earlier checkouts packed an empty stand-in for Patched.DistributedLock.Postgres under the real id
# and version; NuGet would keep restoring that copy from the global packages folder. The real
# package has a lib/ folder: a copy without one is the stand-in, and goes.
evict_stale_shim() {
  local packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
  local stale="$packages/patched.distributedlock.postgres/1.3.3"
  if [ -d "$stale" ] && [ ! -d "$stale/lib" ]; then
    echo "eng: removing the stale Marten shim from $stale"
    rm -rf "$stale"
  fi
}

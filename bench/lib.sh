# Shared by the bench scripts: build nlb, install the Python peers from Debian, time things.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PY=/usr/bin/python3   # Debian's Python, where Debian's numpy/torch packages install

# Installs Debian packages (as root) unless their Python modules are already importable.
ensure_python_modules() {
  local missing=()
  for spec in "$@"; do            # each "module:debian-package"
    local module=${spec%%:*} pkg=${spec#*:}
    "$PY" -c "import $module" 2>/dev/null || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "bench: installing ${missing[*]} (Debian)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || {
      apt-get update -qq >/dev/null 2>&1
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    }
  fi
}

build_nlb() {
  (cd "$ROOT" && "$ROOT/scripts/setup.sh" && mvn -B -q -DskipTests package >/dev/null)
}

NLB_CP="$ROOT/target/nlb.jar:$ROOT/target/lib/*"

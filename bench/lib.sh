# Shared by the bench scripts: build nlb, install the Python peers from Debian.
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

# Installs Debian packages (as root) unless the file that marks each is present.
ensure_debian_packages() {
  local missing=()
  for spec in "$@"; do            # each "debian-package:marker-file"
    local pkg=${spec%%:*} marker=${spec#*:}
    [ -e "$marker" ] || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "bench: installing ${missing[*]} (Debian)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || {
      apt-get update -qq >/dev/null 2>&1
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    }
  fi
}

# Debian's PyTorch (the reference selector's engine) on OpenBLAS: Debian's torch links the generic
# libblas.so.3, which is the slow reference BLAS unless OpenBLAS provides it. Fails if the
# libblas.so.3 alternative still points elsewhere (someone pinned it by hand).
OPENBLAS=/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3
ensure_torch_on_openblas() {
  ensure_python_modules numpy:python3-numpy torch:python3-torch
  ensure_debian_packages "libopenblas0-pthread:$OPENBLAS"
  local blas
  blas=$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)
  if [ "$blas" != "$(readlink -f "$OPENBLAS")" ]; then
    echo "bench: libblas.so.3 is $blas, not OpenBLAS; run: update-alternatives --auto libblas.so.3-x86_64-linux-gnu" >&2
    return 1
  fi
}

build_nlb() {
  mkdir -p "$ROOT/target"
  (cd "$ROOT" && "$ROOT/scripts/setup.sh" && mvn -B -q -DskipTests package >"$ROOT/target/bench-build.log" 2>&1) || {
    cat "$ROOT/target/bench-build.log" >&2
    return 1
  }
}

NLB_CP="$ROOT/target/nlb.jar:$ROOT/target/lib/*"

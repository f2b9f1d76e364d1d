#!/usr/bin/env bash
# Builds the Lambda deployment packages that infra/*.tf deploys, into infra/build/ (git-ignored):
#   build/projections.zip  src/Projections/Host: the projector (Stream.LambdaEntryPoint) and the
#                          daily-close job (Jobs.DailyCloseEntryPoint) handlers
#   build/api.zip          src/Api plus run.sh, started by the Lambda Web Adapter layer
# Both are `dotnet publish -c Release -r linux-x64 --self-contained false` for the managed
# dotnet10 runtime. Intermediate files go to build/artifacts, so packaging never touches the
# bin/ and obj/ folders of a developer's build. Zips are reproducible (fixed timestamps, sorted
# entries), so an unchanged build gives the same source_code_hash and no Lambda update.
set -euo pipefail

INFRA="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$INFRA")"
BUILD="$INFRA/build"

fail() { printf 'package.sh: %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null || fail "the .NET SDK is required"

publish() { # name project
  local name="$1" project="$2" out="$BUILD/$1"
  rm -rf "$out"
  printf 'package.sh: publishing src/%s\n' "$project" >&2
  if ! dotnet publish "$ROOT/src/$project.csproj" -c Release -r linux-x64 --self-contained false \
      --artifacts-path "$BUILD/artifacts" -o "$out" -nologo -v quiet; then
    fail "src/$project does not build; $name.zip was not written (fix the build above and run again)"
  fi
}

zip_dir() { # dir zipfile
  local dir="$1" zipfile="$2"
  rm -f "$zipfile"
  find "$dir" -exec touch -h -d '2000-01-01T00:00:00Z' {} +
  if command -v zip >/dev/null; then
    (cd "$dir" && find . -type f | LC_ALL=C sort | zip -X -q "$zipfile" -@)
  else
    python3 - "$dir" "$zipfile" <<'PY'
import os, sys, zipfile
root, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
    for dirpath, _, files in sorted(os.walk(root)):
        for f in sorted(files):
            path = os.path.join(dirpath, f)
            info = zipfile.ZipInfo(os.path.relpath(path, root), (2000, 1, 1, 0, 0, 0))
            info.external_attr = (os.stat(path).st_mode & 0xFFFF) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as fh:
                z.writestr(info, fh.read())
PY
  fi
}

require() { # zipfile entry...
  local zipfile="$1" entry listing; shift
  listing="$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$zipfile")"
  for entry in "$@"; do
    grep -qx "$entry" <<<"$listing" || fail "$zipfile lacks $entry"
  done
}

mkdir -p "$BUILD"

publish projections Projections/Host/Projections
zip_dir "$BUILD/projections" "$BUILD/projections.zip"
require "$BUILD/projections.zip" Lifestyle.Projections.dll Lifestyle.Projections.deps.json Lifestyle.Projections.runtimeconfig.json

publish api Api/Api
rm -f "$BUILD/api/appsettings.Development.json" # Development only (local signing key, DynamoDB Local)
install -m 0755 "$INFRA/lambda/api-run.sh" "$BUILD/api/run.sh"
zip_dir "$BUILD/api" "$BUILD/api.zip"
require "$BUILD/api.zip" run.sh Lifestyle.Api.dll Lifestyle.Api.runtimeconfig.json appsettings.json

ls -l "$BUILD"/*.zip >&2

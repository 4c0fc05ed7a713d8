#!/usr/bin/env bash
# Records every public symbol the PublicApiAnalyzers flag (RS0016) into the project's PublicAPI.Unshipped.txt and
# drops entries it reports as removed (RS0017). The IDE does this with a code fix; this is the same from a shell.
# Usage: .ci/update-public-api.sh src/HotelPlatform.Connectors.Xyz [more projects...]
set -euo pipefail
for dir in "$@"; do
  proj=$(ls "$dir"/*.csproj)
  unshipped="$dir/PublicAPI.Unshipped.txt"
  touch "$dir/PublicAPI.Shipped.txt" "$unshipped"
  # With the header the analyzer reports (and so we record) nullability annotations.
  grep -q "^#nullable enable" "$unshipped" || sed -i "1i #nullable enable" "$unshipped"
  for _ in 1 2 3; do
    log=$(dotnet build "$proj" --no-restore -nologo -clp:NoSummary 2>&1 || true)
    added=$(grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared)" <<<"$log" | sort -u || true)
    removed=$(grep -oP "RS0017: Symbol '\K.*(?=' is part of the declared API)" <<<"$log" | sort -u || true)
    [[ -z $added && -z $removed ]] && break
    if [[ -n $removed ]]; then
      grep -vxFf <(printf '%s\n' "$removed") "$unshipped" > "$unshipped.tmp" || true
      mv "$unshipped.tmp" "$unshipped"
    fi
    if [[ -n $added ]]; then printf '%s\n' "$added" >> "$unshipped"; fi
    { echo '#nullable enable'; grep -v '^#nullable' "$unshipped" | sort -u; } > "$unshipped.tmp"
    mv "$unshipped.tmp" "$unshipped"
  done
  echo "$dir: $(grep -vc '^#' "$unshipped") public API entries"
done

#!/usr/bin/env bash
# Proves the repository's package validation (build/PackageValidation.targets, docs/compatibility.md) catches a breaking
# change, offline: a fixture package is packed as release 1.0.0 (the baseline), then packed again as 1.1.0 against it
#   1. with a public member removed          -> the pack must FAIL with CP0002 naming the member;
#   2. with a public member added instead    -> the pack must pass;
#   3. removed again, but never shipped (empty PublicAPI.Shipped.txt) -> the pack must pass (no baseline before a release).
# Uses the SDK's built-in validation (Microsoft.DotNet.PackageValidation) and no package feed.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
echo '<Project />' > Directory.Build.props
echo '<Project />' > Directory.Build.targets
cat > Fixture.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <IsPackable>true</IsPackable>
    <PackageId>HotelPlatform.CompatibilityFixture</PackageId>
    <Authors>fixture</Authors>
  </PropertyGroup>
  <Import Project="$repo/build/PackageValidation.targets" />
</Project>
XML
api() { echo "namespace Fixture; public class Greeter { $1 }" > Api.cs; }
pack() { dotnet pack -nologo -p:Version="$1" -o "$2" "${@:3}" >"$work/pack.log" 2>&1; }
fail() { cat "$work/pack.log" >&2; echo "package validation self-test FAILED: $*" >&2; exit 1; }

printf '#nullable enable\nFixture.Greeter\n' > PublicAPI.Shipped.txt
api 'public string Hello() => "hi"; public string Bye() => "bye";'
pack 1.0.0 baseline || fail "the baseline 1.0.0 did not pack"

baseline=(-p:HotelPlatformBaselineVersion=1.0.0 -p:HotelPlatformBaselinePackages="$work/baseline")
api 'public string Hello() => "hi";'
if pack 1.1.0 out "${baseline[@]}"; then fail "removing Greeter.Bye() was not caught"; fi
grep -q "CP0002.*Fixture.Greeter.Bye()" "$work/pack.log" || fail "the pack failed, but not with CP0002 for Greeter.Bye()"
echo "breaking change caught: $(sed -n 's/.*\(error CP0002: .*\) \[\/.*/\1/p' "$work/pack.log" | head -n1)"

api 'public string Hello() => "hi"; public string Bye() => "bye"; public string Wave() => "o/";'
pack 1.1.0 out "${baseline[@]}" || fail "an added member failed validation"
echo "additive change passes"

printf '#nullable enable\n' > PublicAPI.Shipped.txt
api 'public string Hello() => "hi";'
pack 1.1.0 out "${baseline[@]}" || fail "a package that never shipped was validated against a baseline"
echo "never-shipped package is not held to a baseline"

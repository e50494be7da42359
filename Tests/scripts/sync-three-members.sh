#!/usr/bin/env bash
# The bar for sharing a store through git, checked with the real binary and real git: a bare
# repository and three members' clones (City of Salem's two offices and Marion County).
# Usage: sync-three-members.sh COBUY_BINARY [WORK_DIR]
set -euo pipefail
cobuy="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
work="${2:-$(mktemp -d)}"
rm -rf "$work" && mkdir -p "$work"
cd "$work"
export COBUY_NOW=2026-03-02T09:00:00Z GIT_CONFIG_NOSYSTEM=1 HOME="$work"
unset COBUY_STORE COBUY_ACTOR COBUY_PARTY
fail() { echo "FAIL: $*" >&2; exit 1; }
# member NAME EMAIL PARTY: the next commands run as this member.
member() { export GIT_AUTHOR_NAME="$1" GIT_COMMITTER_NAME="$1" GIT_AUTHOR_EMAIL="$2" GIT_COMMITTER_EMAIL="$2" COBUY_ACTOR="$1" COBUY_PARTY="$3"; }
ana() { member "Ana Ruiz" ana@cityofsalem.net city-of-salem; export COBUY_STORE="$work/salem"; }
soren() { member "Søren Olsen" solsen@co.marion.or.us marion-county; export COBUY_STORE="$work/marion"; }
bo() { member "Bo Lind" blind@cityofsalem.net city-of-salem; export COBUY_STORE="$work/salem-2"; }

git init --quiet --bare -b main remote.git

ana
"$cobuy" init >/dev/null
"$cobuy" new party --id city-of-salem --name "City of Salem" --kind city --region US-OR --population 177000 >/dev/null
"$cobuy" new party --id marion-county --name "Marion County" --kind county --region US-OR --population 345000 >/dev/null
"$cobuy" new party --id acme-fleet --name "Acme Fleet Services" --kind vendor --region US-WA >/dev/null
# Marion County's contract, which Salem joins (a lead is no joiner of its own); its lead signs it.
contract=$("$cobuy" new contract --title "Fleet maintenance" --lead marion-county --vendor acme-fleet --kinds all --regions all)
COBUY_ACTOR="Søren Olsen" COBUY_PARTY=marion-county "$cobuy" do "$contract" sign --date 2026-03-02 --end 2028-03-01 >/dev/null
addendum=$("$cobuy" new addendum --contract "$contract" --party city-of-salem)
draft=$("$cobuy" new solicitation --title "Road salt" --category Supplies)
"$cobuy" do "$draft" invite --party marion-county >/dev/null
"$cobuy" share init --remote "$work/remote.git" >/dev/null
soren; "$cobuy" share clone "$work/remote.git" --store "$work/marion" >/dev/null
bo; "$cobuy" share clone "$work/remote.git" --store "$work/salem-2" --member BOL >/dev/null
soren; "$cobuy" sync >/dev/null
bo; "$cobuy" sync >/dev/null
ana; "$cobuy" sync >/dev/null

echo "1. Three members edit apart, then sync in turn"
ana;   salem_new=$("$cobuy" new solicitation --title "Asphalt" --category Roads)
       "$cobuy" do "$draft" add-line --text "Rock salt" --quantity 400 --unit ton >/dev/null
soren; marion_new=$("$cobuy" new solicitation --title "Culverts" --category Roads)
       "$cobuy" do "$draft" add-line --text "Brine" --quantity 9000 --unit gallon >/dev/null
bo;    bo_new=$("$cobuy" new solicitation --title "Sand" --category Roads)
[ "$salem_new" != "$marion_new" ] && [ "$salem_new" != "$bo_new" ] && [ "$marion_new" != "$bo_new" ] || fail "an id was taken twice: $salem_new $marion_new $bo_new"
ana; "$cobuy" sync >/dev/null || fail "Salem's sync"
soren; "$cobuy" sync >/dev/null || fail "Marion's sync"
bo; "$cobuy" sync >/dev/null || fail "Salem's second office's sync"
ana; "$cobuy" sync >/dev/null || fail "Salem's second sync"
soren; "$cobuy" sync >/dev/null || fail "Marion's second sync"
for store in salem marion salem-2; do
  (cd "$work/$store" && find parties solicitations contracts addenda -name '*.json' | sort | xargs sha256sum) > "$store.sums"
  COBUY_STORE="$work/$store" "$cobuy" validate >/dev/null || fail "validate in $store"
  grep -rl '"conflict"' "$work/$store"/{parties,solicitations,contracts,addenda} && fail "a conflict marker in $store"
done
cmp salem.sums marion.sums && cmp salem.sums salem-2.sums || fail "the stores differ"
lines=$(grep -c '"number"' "$work/marion/solicitations/$draft.json")
[ "$lines" = 2 ] || fail "expected both lines in $draft, found $lines"
events=$(cat "$work"/salem/{solicitations,contracts,addenda,parties}/*.json | grep -c '"sequence"')
[ "$events" = 13 ] || fail "expected 13 events, counted $events"
echo "   ok: byte-identical records, $events events, ids $salem_new $marion_new $bo_new, validate clean, no markers"

echo "2. Two members write the same addendum field two ways"
ana; "$cobuy" do "$addendum" edit --scope "Light trucks" >/dev/null
bo;  COBUY_NOW=2026-03-02T09:05:00Z "$cobuy" do "$addendum" edit --scope "Heavy trucks" >/dev/null
ana; "$cobuy" sync >/dev/null || fail "Salem's sync"
bo; set +e; out=$("$cobuy" sync); status=$?; set -e
[ "$status" = 1 ] || fail "sync should exit 1 on a conflict, exited $status"
echo "$out" | grep -q "needs a decision: $addendum" || fail "sync did not name $addendum: $out"
grep -q '"Light trucks"' "$work/salem-2/addenda/$addendum.json" && grep -q '"Heavy trucks"' "$work/salem-2/addenda/$addendum.json" \
  || fail "both values should remain in the record"
"$cobuy" list conflicts | grep -q "$addendum" || fail "list conflicts does not show $addendum"
echo "   ok: sync exited 1 naming $addendum, both values kept"
"$cobuy" do "$addendum" resolve --keep provisional >/dev/null || fail "resolve"
"$cobuy" sync >/dev/null || fail "sync after resolve"
ana; "$cobuy" sync >/dev/null || fail "Salem's sync after resolve"
grep -q '"conflict"' "$work/salem/addenda/$addendum.json" && fail "the marker is still there after resolve"
"$cobuy" show "$addendum" | grep -q resolve || fail "the audit trail does not show the resolve"
echo "   ok: resolve cleared it and is in the audit trail"

echo "3. A member cannot sign for another party and push it"
soren; "$cobuy" sync >/dev/null; COBUY_PARTY=city-of-salem "$cobuy" do "$addendum" edit --scope "Marion wrote this" >/dev/null
set +e; "$cobuy" sync >/dev/null 2>&1; status=$?; set -e
[ "$status" = 1 ] || fail "sync should not send an edit made for another party (exit $status)"
git -C "$work/marion" push --quiet origin main   # pushed anyway, with plain git
ana; set +e; out=$("$cobuy" sync 2>&1); status=$?; set -e
[ "$status" = 1 ] || fail "sync should refuse what a member did for another party (exit $status)"
echo "$out" | grep -q "solsen@co.marion.or.us" || fail "the refusal should name the commit's author: $out"
grep -q "Marion wrote this" "$work/salem/addenda/$addendum.json" && fail "the forged edit was kept"
echo "   ok: refused, naming the commit"
echo "PASS"

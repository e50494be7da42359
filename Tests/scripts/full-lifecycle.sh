#!/usr/bin/env bash
# Drives a joint solicitation through every state to `complete` in a new store, then takes a
# piggyback addendum from another eligible party to `executed`, moving the clock with COBUY_NOW.
# Usage: full-lifecycle.sh COBUY_BINARY STORE_DIR
set -euo pipefail
cobuy="$1"
export COBUY_STORE="$2"
unset COBUY_ACTOR COBUY_PARTY
at() { export COBUY_NOW="$1"; }
as() { actor="$1"; party="$2"; }
run() { "$cobuy" "$@" --as "$actor" --for "$party"; }

at 2026-01-05T09:00:00Z
"$cobuy" init >/dev/null
"$cobuy" new party --id city-of-salem --name "City of Salem" --kind city --region US-OR --population 177000 \
  --term "Governing law: Oregon law governs this addendum." --term "Public records: ORS 192 applies." >/dev/null
"$cobuy" new party --id marion-county --name "Marion County" --kind county --region US-OR --population 345000 \
  --term "Governing law: Oregon law governs." >/dev/null
"$cobuy" new party --id salem-keizer-sd --name "Salem-Keizer School District" --kind school-district --region US-OR --population 40000 >/dev/null
"$cobuy" new party --id city-of-bend --name "City of Bend" --kind city --region US-OR --population 100000 \
  --term "Insurance: Vendor names the City of Bend as additional insured." >/dev/null
"$cobuy" new party --id acme-fleet --name "Acme Fleet Services" --kind vendor --region US-WA >/dev/null
"$cobuy" new party --id northwind --name "Northwind Motors" --kind vendor --region US-OR >/dev/null

as "Ana Ruiz" city-of-salem
sol=$(run new solicitation --title "Fleet vehicles 2026" --lead city-of-salem --category Fleet | tail -n1)
run do "$sol" add-line --text "Patrol sedan" --quantity 40 --unit each
run do "$sol" invite --party marion-county
run do "$sol" invite --party salem-keizer-sd
run do "$sol" circulate
as "Li Wei" marion-county;     run do "$sol" join --party marion-county --quantity 25 --spend 900000
as "Sam Ortiz" salem-keizer-sd; run do "$sol" join --party salem-keizer-sd --quantity 10
as "Ana Ruiz" city-of-salem;   run do "$sol" sign-agreement --party city-of-salem --signer "Mayor Chris Hoy"
as "Li Wei" marion-county;     run do "$sol" sign-agreement --party marion-county --signer "Commissioner Danielle Bethell"
as "Sam Ortiz" salem-keizer-sd; run do "$sol" withdraw --party salem-keizer-sd --reason "Budget not approved this year"
as "Ana Ruiz" city-of-salem
run do "$sol" form
run do "$sol" set-cost-sharing --method population --total 12000
run do "$sol" set-tender --number "RFP 26-014" --date 2026-03-01 --minimum 2
run do "$sol" add-criterion --criterion Price --weight 60
run do "$sol" add-criterion --criterion Service --weight 40
run do "$sol" set-cooperative --kinds city,county,school-district --regions US-OR,US-WA
run do "$sol" publish
at 2026-02-10T15:00:00Z
run do "$sol" record-proposal --vendor acme-fleet --price 1250000
run do "$sol" record-proposal --vendor northwind --price 1190000
at 2026-03-02T09:00:00Z
run do "$sol" close
run do "$sol" score --proposal P1 --criterion Price --score 80
run do "$sol" score --proposal P1 --criterion Service --score 90
run do "$sol" score --proposal northwind --criterion Price --score 90
run do "$sol" score --proposal northwind --criterion Service --score 70
run do "$sol" award --proposal P1 --reason "Northwind cannot deliver before Q3" --renewals 2
contract=$("$cobuy" show "$sol" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["awards"][0]["contract"])')
at 2026-03-15T09:00:00Z
run do "$contract" sign --date 2026-03-15 --end 2029-03-14
run do "$sol" complete

# Piggyback: the City of Bend was not a partner, but the cooperative clause admits Oregon cities.
at 2026-04-01T09:00:00Z
as "Jo Park" city-of-bend
pa=$(run new addendum --contract "$contract" --party city-of-bend | tail -n1)
run do "$pa" edit --scope "Patrol sedans for Bend PD" --contact "Jo Park <jpark@bendoregon.gov>" --spend 450000 \
  --po-instructions "Email purchase orders to fleet@bendoregon.gov"
run do "$pa" submit
as "Ana Ruiz" city-of-salem;  run do "$pa" approve
as "Jo Park" city-of-bend;    run do "$pa" sign --party participant --signer "City Manager Eric King" --date 2026-04-01
at 2026-04-03T09:00:00Z
as "Pat Lee" acme-fleet;      run do "$pa" sign --party vendor --signer "Pat Lee" --date 2026-04-03
echo "solicitation=$sol contract=$contract addendum=$pa"

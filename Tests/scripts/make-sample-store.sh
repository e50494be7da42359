#!/usr/bin/env bash
# Builds Resources/sample-store through the real command line, so that every record has the
# history it would have had in use. The clock moves with COBUY_NOW from early 2025 to the
# sample's reference day, 2026-11-23 (the day `cobuy demo` runs on unless COBUY_NOW is set).
# Usage: make-sample-store.sh COBUY_BINARY OUTPUT_DIR
set -euo pipefail
cobuy="$1"
out="$2"
rm -rf "$out"
export COBUY_STORE="$out"
unset COBUY_ACTOR COBUY_PARTY
at() { export COBUY_NOW="$1"; }
as() { actor="$1"; party="$2"; }
run() { "$cobuy" "$@" --as "$actor" --for "$party"; }
quiet() { run "$@" >/dev/null; }
last() { run "$@" | tail -n1; }

at 2025-01-06T16:00:00Z
"$cobuy" init >/dev/null
party() { "$cobuy" new party "$@" >/dev/null; }

OR_TERMS=(--term "Governing law: This addendum is governed by the laws of the State of Oregon; venue lies in the circuit court of the participating entity's county."
          --term "Cooperative procurement: Participation is authorized under ORS 279A.200 to 279A.225."
          --term "Public records: Records relating to this addendum are subject to the Oregon Public Records Law, ORS 192.311 to 192.478."
          --term "Tort liability: The participating entity's liability is limited as provided in the Oregon Tort Claims Act, ORS 30.260 to 30.300.")
WA_TERMS=(--term "Governing law: This addendum is governed by the laws of the State of Washington; venue lies in the superior court of the participating entity's county."
          --term "Interlocal authority: Participation is authorized under the Interlocal Cooperation Act, chapter 39.34 RCW."
          --term "Public records: Records are subject to the Public Records Act, chapter 42.56 RCW.")
CA_TERMS=(--term "Governing law: This addendum is governed by the laws of the State of California."
          --term "Prevailing wage: Where services are performed on public works, the vendor pays prevailing wages under Labor Code section 1720 and following."
          --term "Public records: Records are subject to the California Public Records Act, Government Code section 7920.000 and following.")
NM_TERMS=(--term "Governing law: This addendum is governed by the laws of the State of New Mexico."
          --term "Cooperative procurement: Participation is authorized under the Procurement Code, NMSA 1978, section 13-1-135."
          --term "Appropriations: Obligations are contingent on sufficient appropriations by the governing body.")
INSURANCE=(--term "Insurance: The vendor maintains commercial general liability of at least \$2,000,000 per occurrence and names the participating entity as additional insured.")

party --id state-of-oregon --name "State of Oregon, Department of Administrative Services" --kind state --region US-OR --population 4240000 "${OR_TERMS[@]}" "${INSURANCE[@]}" --contact 'Nguyễn Thị Lan (Statewide Contracts) <lan.nguyen@das.oregon.gov> 503-555-0142' --signatory 'Berri Leslie, Director'
party --id multnomah-county --name "Multnomah County" --kind county --region US-OR --population 795000 "${OR_TERMS[@]}" "${INSURANCE[@]}" --contact 'Grace Okafor (Fleet Manager) <grace.okafor@multco.us> 503-555-0177' --signatory 'Jessica Vega Pederson, Chair'
party --id marion-county --name "Marion County" --kind county --region US-OR --population 345000 "${OR_TERMS[@]}" --contact 'Søren Olsen (Procurement) <solsen@co.marion.or.us> 503-555-0119' --signatory 'Danielle Bethell, Commissioner'
party --id city-of-salem --name "City of Salem" --kind city --region US-OR --population 177000 "${OR_TERMS[@]}" "${INSURANCE[@]}" --contact 'Ana Ruiz (Purchasing Manager) <aruiz@cityofsalem.net> 503-555-0101' --signatory 'Keith Stahley, City Manager'
party --id city-of-portland --name "City of Portland" --kind city --region US-OR --population 630000 "${OR_TERMS[@]}" "${INSURANCE[@]}" \
  --contact 'Marcus Hill (Procurement Services) <marcus.hill@portlandoregon.gov> 503-555-0166' --signatory 'Michael Jordan, City Administrator' \
  --term "Sustainability: Products meet the City's Sustainable Procurement Policy; packaging is recyclable or compostable."
party --id salem-keizer-sd --name "Salem-Keizer Public Schools" --kind school-district --region US-OR --population 40000 "${OR_TERMS[@]}" --contact 'Zoë Chen (Purchasing) <chen_zoe@salkeiz.k12.or.us> 503-555-0133' --signatory 'Andrea Castañeda, Superintendent'
party --id tualatin-valley-water --name "Tualatin Valley Water District" --kind special-district --region US-OR --population 220000 "${OR_TERMS[@]}" --contact 'Ikaika Kahale (Contracts) <ikaika.kahale@tvwd.org> 503-555-0188' --signatory 'Tom Hickmann, Chief Executive Officer'
party --id university-of-oregon --name "University of Oregon" --kind higher-ed --region US-OR --population 23000 "${OR_TERMS[@]}" --contact 'Ravi Patel (Purchasing and Contracting) <rpatel@uoregon.edu> 541-555-0150' --signatory 'Jamie Moffitt, Vice President for Finance'
party --id warm-springs --name "Confederated Tribes of Warm Springs" --kind tribal --region US-OR --population 5000 \
  --contact 'Daniel Smith (Tribal Procurement) <dsmith@wstribes.org> 541-555-0190' --signatory 'Chair of the Tribal Council, Chair' \
  --term "Sovereign immunity: Nothing in this addendum waives the Tribes' sovereign immunity." \
  --term "Governing law: Tribal law and applicable federal law govern this addendum."
party --id state-of-washington --name "Washington State Department of Enterprise Services" --kind state --region US-WA --population 7800000 "${WA_TERMS[@]}" "${INSURANCE[@]}" --contact 'Priya Raman (Contracts and Procurement) <priya.raman@des.wa.gov> 360-555-0112' --signatory 'Tricia Schroeder, Director'
party --id king-county --name "King County" --kind county --region US-WA --population 2270000 "${WA_TERMS[@]}" "${INSURANCE[@]}" --contact 'Wen Li (Procurement Services) <wen.li@kingcounty.gov> 206-555-0124' --signatory 'Shannon Braddock, County Executive'
party --id city-of-spokane --name "City of Spokane" --kind city --region US-WA --population 229000 "${WA_TERMS[@]}" --contact 'Owen Brooks (Purchasing) <obrooks@spokanecity.org> 509-555-0136' --signatory 'Lisa Brown, Mayor'
party --id seattle-public-schools --name "Seattle Public Schools" --kind school-district --region US-WA --population 50000 "${WA_TERMS[@]}" --contact 'Tomás Herrera (Contracting Services) <therrera@seattleschools.org> 206-555-0148' --signatory 'Brent Jones, Superintendent'
party --id city-of-san-jose --name "City of San José" --kind city --region US-CA --population 970000 "${CA_TERMS[@]}" "${INSURANCE[@]}" --contact 'José Álvarez (Purchasing Division) <jose.alvarez@sanjoseca.gov> 408-555-0159' --signatory 'Jennifer Maguire, City Manager'
party --id los-angeles-usd --name "Los Angeles Unified School District" --kind school-district --region US-CA --population 530000 "${CA_TERMS[@]}" --contact 'Keiko Tanaka (Procurement Services) <keiko.tanaka@lausd.net> 213-555-0161' --signatory 'Alberto Carvalho, Superintendent'
party --id santa-fe-county --name "Santa Fe County" --kind county --region US-NM --population 155000 "${NM_TERMS[@]}" --contact 'Lucía Romero (Purchasing) <lromero@santafecountynm.gov> 505-555-0172' --signatory 'Gregory Shaffer, County Manager'
party --id city-of-espanola --name "City of Española" --kind city --region US-NM --population 10000 "${NM_TERMS[@]}" --contact 'Mateo Trujillo (City Manager'\''s Office) <mtrujillo@espanolanm.gov> 505-555-0184' --signatory 'Mateo Trujillo, City Manager'

party --id acme-fleet --name "Acme Fleet Services" --kind vendor --region US-WA --contact 'Dana Whitfield (Public Sector Sales) <dana@acmefleet.example> 206-555-0195' --signatory 'Dana Whitfield, President'
party --id northwind-motors --name "Northwind Motors" --kind vendor --region US-OR --contact 'Sam Carter (Government Sales) <scarter@northwind.example> 503-555-0197' --signatory 'Sam Carter, General Manager'
party --id cascade-it --name "Cascade IT Solutions" --kind vendor --region US-OR --contact 'Maya Brooks (Contracts) <contracts@cascadeit.example> 503-555-0198' --signatory 'Maya Brooks, Chief Executive Officer'
party --id pacific-office --name "Pacific Office Supply" --kind vendor --region US-CA --contact 'Hana Kim (Contracts Director) <hana.kim@pacificoffice.example> 415-555-0199' --signatory 'Hana Kim, Contracts Director'
party --id tokyo-denki --name "Tōkyō Denki USA (東京電機)" --kind vendor --region US-CA --contact 'Kenji Sato (Education Sales) <k.sato@tokyodenki.example> 310-555-0120' --signatory 'Kenji Sato, Vice President'
party --id mueller-lighting --name "Müller Lighting GmbH" --kind vendor --region DE --contact 'Jonas Müller (Export Sales) <j.mueller@mueller-lighting.example> +49 30 5550 1234' --signatory 'Jonas Müller, Geschäftsführer'
party --id sel-quebecois --name "Sel Québécois Inc." --kind vendor --region CA-QC --contact 'Élise Gagnon (Ventes) <egagnon@selquebecois.example> 418-555-0126' --signatory 'Élise Gagnon, Présidente'
party --id zap-charging --name "Zap Charging ⚡ LLC" --kind vendor --region US-CA --contact 'Ray Ortiz (Municipal Programs) <ray@zapcharging.example> 408-555-0138' --signatory 'Ray Ortiz, Chief Operating Officer'
party --id blue-ridge-paper --name "Blue Ridge Paper Co." --kind vendor --region US-NC --contact 'Ellen Marsh (Government Accounts) <emarsh@blueridgepaper.example> 828-555-0140' --signatory 'Ellen Marsh, President'
party --id evergreen-equipment --name "Evergreen Equipment Rental" --kind vendor --region US-WA --contact 'Tyler Reed (Public Sector) <treed@evergreenrental.example> 253-555-0151' --signatory 'Tyler Reed, Owner'
party --id coldwater-chemical --name "Coldwater Chemical" --kind vendor --region US-NM --contact 'Rosa Delgado (Owner) <rosa@coldwaterchem.example> 505-555-0163' --signatory 'Rosa Delgado, Owner'
party --id bright-labs --name "Bright Laboratory Supply" --kind vendor --region US-OR --contact 'Ian Cole (Research Accounts) <icole@brightlabs.example> 541-555-0171' --signatory 'Ian Cole, Director'

# --- Joint solicitations -----------------------------------------------------------------------

# complete: fleet vehicles, led by Salem; Marion County and Multnomah County signed; Portland withdrew.
at 2025-02-03T17:00:00Z
as "Ana Ruiz" city-of-salem
fleet=$(last new solicitation --title "Fleet vehicles 2025–2028" --lead city-of-salem --category Fleet \
  --description "Patrol sedans, pickup trucks and hybrid SUVs for public safety and public works.")
quiet do "$fleet" add-line --text "Patrol sedan, pursuit rated" --quantity 60 --unit each
quiet do "$fleet" add-line --text "Half-ton pickup truck" --quantity 35 --unit each
quiet do "$fleet" add-line --text "Hybrid SUV" --quantity 20 --unit each
for p in marion-county multnomah-county city-of-portland; do quiet do "$fleet" invite --party "$p"; done
quiet do "$fleet" circulate
at 2025-02-12T18:30:00Z
as "Søren Olsen" marion-county; quiet do "$fleet" join --party marion-county --quantity 30 --spend 1450000
as "Grace Okafor" multnomah-county; quiet do "$fleet" join --party multnomah-county --quantity 45 --spend 2100000
as "Ana Ruiz" city-of-salem; quiet do "$fleet" sign-agreement --party city-of-salem --signer "Keith Stahley, City Manager"
at 2025-02-20T21:00:00Z
as "Søren Olsen" marion-county; quiet do "$fleet" sign-agreement --party marion-county --signer "Danielle Bethell, Commissioner"
as "Grace Okafor" multnomah-county; quiet do "$fleet" sign-agreement --party multnomah-county --signer "Jessica Vega Pederson, Chair"
as "Marcus Hill" city-of-portland; quiet do "$fleet" withdraw --party city-of-portland --reason "Portland renewed its own fleet contract in January."
as "Ana Ruiz" city-of-salem
quiet do "$fleet" form
quiet do "$fleet" set-cost-sharing --method pooled-spend --total 18500
quiet do "$fleet" set-tender --number "RFP 25-031" --date 2025-04-15 --minimum 2
quiet do "$fleet" add-criterion --criterion Price --weight 50
quiet do "$fleet" add-criterion --criterion "Delivery and service" --weight 30
quiet do "$fleet" add-criterion --criterion "Fuel economy" --weight 20
quiet do "$fleet" set-cooperative --kinds city,county,school-district,special-district --regions US-OR,US-WA
quiet do "$fleet" publish
at 2025-04-10T22:00:00Z
quiet do "$fleet" record-proposal --vendor acme-fleet --price 4985000
quiet do "$fleet" record-proposal --vendor northwind-motors --price 5120000
at 2025-04-16T16:00:00Z
quiet do "$fleet" close
for s in "P1 Price 92" "P1 Delivery and service 80" "P1 Fuel economy 85" "P2 Price 86" "P2 Delivery and service 88" "P2 Fuel economy 80"; do
  read -r prop rest <<<"$s"; score="${rest##* }"; crit="${rest% *}"
  quiet do "$fleet" score --proposal "$prop" --criterion "$crit" --score "$score"
done
quiet do "$fleet" award --proposal P1 --renewals 2 --note "Best value; evaluation committee unanimous."
fleet_con=$("$cobuy" show "$fleet" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["awards"][0]["contract"])')
at 2025-05-01T17:00:00Z
quiet do "$fleet_con" sign --date 2025-05-01 --end 2028-04-30
quiet do "$fleet" complete

# complete: office supplies, led by the State of Oregon, open to every US public body.
at 2025-03-03T17:00:00Z
as "Nguyễn Thị Lan" state-of-oregon
office=$(last new solicitation --title "Office supplies statewide price agreement" --lead state-of-oregon --category "Office supplies" \
  --description "Paper, toner, desk supplies and next-day delivery to any site.")
quiet do "$office" add-line --text "Copy paper, 30% recycled, letter" --quantity 40000 --unit case
quiet do "$office" add-line --text "Toner cartridges, assorted" --quantity 6000 --unit each
quiet do "$office" invite --party university-of-oregon
quiet do "$office" circulate
as "Ravi Patel" university-of-oregon; quiet do "$office" join --party university-of-oregon --quantity 5000 --spend 380000
quiet do "$office" sign-agreement --party university-of-oregon --signer "Jamie Moffitt, Vice President for Finance"
as "Nguyễn Thị Lan" state-of-oregon
quiet do "$office" sign-agreement --party state-of-oregon --signer "Berri Leslie, DAS Director"
quiet do "$office" form
quiet do "$office" set-tender --number "DASPS-2025-07" --date 2025-04-30
quiet do "$office" add-criterion --criterion Price --weight 70
quiet do "$office" add-criterion --criterion "Environmental attributes" --weight 30
quiet do "$office" set-cooperative --kinds all --regions US
quiet do "$office" publish
at 2025-04-20T17:00:00Z
quiet do "$office" record-proposal --vendor pacific-office --price 3120000
quiet do "$office" record-proposal --vendor blue-ridge-paper --price 3340000
at 2025-05-02T17:00:00Z
quiet do "$office" close
quiet do "$office" score --proposal pacific-office --criterion Price --score 95
quiet do "$office" score --proposal pacific-office --criterion "Environmental attributes" --score 70
quiet do "$office" score --proposal blue-ridge-paper --criterion Price --score 88
quiet do "$office" score --proposal blue-ridge-paper --criterion "Environmental attributes" --score 85
quiet do "$office" award --proposal pacific-office --renewals 3
office_con=$("$cobuy" show "$office" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["awards"][0]["contract"])')
at 2025-06-01T17:00:00Z
quiet do "$office_con" sign --date 2025-06-01 --end 2029-05-31
quiet do "$office" complete

# awarded: LED street lighting; the contract awaits signature.
at 2026-06-01T17:00:00Z
as "Ana Ruiz" city-of-salem
led=$(last new solicitation --title "LED street lighting retrofit" --lead city-of-salem --category "Street lighting")
quiet do "$led" add-line --text "LED cobra-head luminaire, 4000K" --quantity 9000 --unit each
quiet do "$led" invite --party marion-county
quiet do "$led" circulate
as "Søren Olsen" marion-county; quiet do "$led" join --party marion-county --quantity 2500
quiet do "$led" sign-agreement --party marion-county --signer "Danielle Bethell, Commissioner"
as "Ana Ruiz" city-of-salem
quiet do "$led" sign-agreement --party city-of-salem --signer "Keith Stahley, City Manager"
quiet do "$led" form
quiet do "$led" set-tender --number "RFP 26-011" --date 2026-08-14
quiet do "$led" add-criterion --criterion Price --weight 40
quiet do "$led" add-criterion --criterion "Lifetime energy cost" --weight 40
quiet do "$led" add-criterion --criterion Warranty --weight 20
quiet do "$led" set-cooperative --none
quiet do "$led" publish
at 2026-08-01T17:00:00Z
quiet do "$led" record-proposal --vendor mueller-lighting --price 2875000
quiet do "$led" record-proposal --vendor tokyo-denki --price 2640000
at 2026-08-20T17:00:00Z
quiet do "$led" close
quiet do "$led" score --proposal P1 --criterion Price --score 78
quiet do "$led" score --proposal P1 --criterion "Lifetime energy cost" --score 94
quiet do "$led" score --proposal P1 --criterion Warranty --score 90
quiet do "$led" score --proposal P2 --criterion Price --score 90
quiet do "$led" score --proposal P2 --criterion "Lifetime energy cost" --score 80
quiet do "$led" score --proposal P2 --criterion Warranty --score 70
quiet do "$led" award --proposal P1

# evaluating: network switches, proposals partly scored.
at 2026-09-01T17:00:00Z
as "Nguyễn Thị Lan" state-of-oregon
net=$(last new solicitation --title "Network switches and Wi-Fi" --lead state-of-oregon --category IT)
quiet do "$net" add-line --text "48-port PoE access switch" --quantity 1200 --unit each
quiet do "$net" add-line --text "Wi-Fi 7 access point" --quantity 3500 --unit each
quiet do "$net" invite --party salem-keizer-sd
quiet do "$net" circulate
as "Zoë Chen" salem-keizer-sd; quiet do "$net" join --party salem-keizer-sd --quantity 900 --spend 1100000
quiet do "$net" sign-agreement --party salem-keizer-sd --signer "Andrea Castañeda, Superintendent"
as "Nguyễn Thị Lan" state-of-oregon
quiet do "$net" sign-agreement --party state-of-oregon --signer "Berri Leslie, DAS Director"
quiet do "$net" form
quiet do "$net" set-tender --number "DASPS-2026-19" --date 2026-11-06 --minimum 2
quiet do "$net" add-criterion --criterion Price --weight 50
quiet do "$net" add-criterion --criterion "Technical fit" --weight 50
quiet do "$net" set-cooperative --kinds all --regions US-OR
quiet do "$net" publish
at 2026-11-02T17:00:00Z
quiet do "$net" record-proposal --vendor cascade-it --price 6450000
quiet do "$net" record-proposal --vendor tokyo-denki --price 6120000
at 2026-11-09T17:00:00Z
quiet do "$net" close
quiet do "$net" score --proposal cascade-it --criterion Price --score 84
quiet do "$net" score --proposal cascade-it --criterion "Technical fit" --score 91

# soliciting: electric school buses, closing within days of the reference day.
at 2026-10-01T17:00:00Z
as "Zoë Chen" salem-keizer-sd
bus=$(last new solicitation --title "Electric school buses" --lead salem-keizer-sd --category Fleet)
quiet do "$bus" add-line --text "Type C electric school bus, 77 passengers" --quantity 24 --unit each
quiet do "$bus" invite --party seattle-public-schools
quiet do "$bus" circulate
as "Tomás Herrera" seattle-public-schools; quiet do "$bus" join --party seattle-public-schools --quantity 16 --spend 6400000
quiet do "$bus" sign-agreement --party seattle-public-schools --signer "Brent Jones, Superintendent"
as "Zoë Chen" salem-keizer-sd
quiet do "$bus" sign-agreement --party salem-keizer-sd --signer "Andrea Castañeda, Superintendent"
quiet do "$bus" form
quiet do "$bus" set-cost-sharing --method equal --total 9000
quiet do "$bus" set-tender --number "SKPS 26-B4" --date 2026-12-01 --minimum 2
quiet do "$bus" add-criterion --criterion Price --weight 45
quiet do "$bus" add-criterion --criterion Range --weight 35
quiet do "$bus" add-criterion --criterion "Charging support" --weight 20
quiet do "$bus" set-cooperative --kinds school-district --regions US-OR,US-WA
quiet do "$bus" publish
at 2026-11-18T17:00:00Z
quiet do "$bus" record-proposal --vendor northwind-motors --price 9360000

# formed: body-worn cameras, tender not yet set.
at 2026-11-10T17:00:00Z
as "Grace Okafor" multnomah-county
cam=$(last new solicitation --title "Body-worn cameras and evidence storage" --lead multnomah-county --category "Public safety")
quiet do "$cam" add-line --text "Body-worn camera with docking" --quantity 800 --unit each
quiet do "$cam" add-line --text "Evidence storage, per camera per year" --quantity 800 --unit license
quiet do "$cam" invite --party city-of-portland
quiet do "$cam" circulate
as "Marcus Hill" city-of-portland; quiet do "$cam" join --party city-of-portland --quantity 600
quiet do "$cam" sign-agreement --party city-of-portland --signer "Michael Jordan, City Administrator"
as "Grace Okafor" multnomah-county
quiet do "$cam" sign-agreement --party multnomah-county --signer "Jessica Vega Pederson, Chair"
quiet do "$cam" form
quiet do "$cam" add-criterion --criterion Price --weight 40

# forming: road salt, waiting for signatures.
at 2026-11-16T17:00:00Z
as "Søren Olsen" marion-county
salt=$(last new solicitation --title "Road salt, winter 2027–28" --lead marion-county --category "Road maintenance")
quiet do "$salt" add-line --text "Rock salt, bulk, delivered" --quantity 18000 --unit ton
quiet do "$salt" invite --party city-of-salem
quiet do "$salt" invite --party king-county
quiet do "$salt" circulate
as "Ana Ruiz" city-of-salem; quiet do "$salt" join --party city-of-salem --quantity 4000
quiet do "$salt" sign-agreement --party city-of-salem --signer "Keith Stahley, City Manager"

# draft: janitorial supplies, nobody invited yet.
at 2026-11-20T17:00:00Z
as "Marcus Hill" city-of-portland
jan=$(last new solicitation --title "Janitorial supplies (green-certified)" --lead city-of-portland --category Facilities)
quiet do "$jan" add-line --text "Hand soap, foaming, refill" --quantity 3000 --unit case

# cancelled: copier leasing.
at 2026-03-02T17:00:00Z
as "José Álvarez" city-of-san-jose
cop=$(last new solicitation --title "Copier leasing and managed print" --lead city-of-san-jose --category "Office equipment")
quiet do "$cop" add-line --text "Multifunction copier, 45 ppm, 60-month lease" --quantity 300 --unit each
quiet do "$cop" invite --party los-angeles-usd
quiet do "$cop" cancel --reason "Council chose to join an existing state contract instead."

# unsuccessful: asphalt paving, no proposals by the closing date.
at 2026-04-01T17:00:00Z
as "Lucía Romero" santa-fe-county
asp=$(last new solicitation --title "Asphalt paving services" --lead santa-fe-county --category "Road maintenance")
quiet do "$asp" add-line --text "Hot-mix asphalt overlay" --quantity 12000 --unit ton
quiet do "$asp" invite --party city-of-espanola
quiet do "$asp" circulate
as "Mateo Trujillo" city-of-espanola; quiet do "$asp" join --party city-of-espanola --quantity 2000
quiet do "$asp" sign-agreement --party city-of-espanola --signer "Mateo Trujillo, City Manager"
as "Lucía Romero" santa-fe-county
quiet do "$asp" sign-agreement --party santa-fe-county --signer "Gregory Shaffer, County Manager"
quiet do "$asp" form
quiet do "$asp" set-tender --number "2026-0412-PW" --date 2026-05-15 --minimum 2
quiet do "$asp" add-criterion --criterion Price --weight 100
quiet do "$asp" set-cooperative --kinds all --regions US-NM
quiet do "$asp" publish
at 2026-05-18T17:00:00Z
quiet do "$asp" declare-unsuccessful --reason "No proposals by the closing date; the market is saturated this season."

# --- Contracts awarded elsewhere (registered) --------------------------------------------------
contract() { # lead officer party title vendor category kinds regions start end [renewals]
  local officer="$1" lead="$2" title="$3" vendor="$4" category="$5" kinds="$6" regions="$7" start="$8" end="$9" renewals="${10:-0}"
  as "$officer" "$lead"
  local args=(--title "$title" --lead "$lead" --vendor "$vendor" --category "$category" --renewals "$renewals")
  if [ "$kinds" = none ]; then args+=(--none); else args+=(--kinds "$kinds" --regions "$regions"); fi
  local id
  id=$(last new contract "${args[@]}")
  if [ "$start" != - ]; then quiet do "$id" sign --date "$start" --end "$end"; fi
  echo "$id"
}
at 2024-12-02T17:00:00Z
furn=$(contract "Priya Raman" state-of-washington "Office furniture and installation" pacific-office Furniture all US 2024-12-02 2028-11-30 2)
cloud=$(contract "Priya Raman" state-of-washington "Cloud productivity software" cascade-it IT all US-WA 2024-12-02 2027-12-31)
at 2024-01-15T17:00:00Z
jpp=$(contract "Nguyễn Thị Lan" state-of-oregon "Janitorial paper products" blue-ridge-paper Facilities all US-OR 2024-01-15 2027-01-15 1)
tires=$(contract "Nguyễn Thị Lan" state-of-oregon "Tires and tubes" northwind-motors Fleet all US-OR,US-WA 2023-10-01 2026-09-30)
at 2024-02-01T17:00:00Z
armor=$(contract "Wen Li" king-county "Body armor" evergreen-equipment "Public safety" county,city US-WA 2024-02-01 2027-01-31)
heavy=$(contract "Wen Li" king-county "Heavy equipment rental" evergreen-equipment "Road maintenance" none - 2024-02-01 2028-01-31)
at 2025-07-01T17:00:00Z
evc=$(contract "José Álvarez" city-of-san-jose "Electric vehicle chargers and installation" zap-charging Fleet all US 2025-07-01 2029-06-30 2)
chem=$(contract "Lucía Romero" santa-fe-county "Water treatment chemicals" coldwater-chemical Utilities special-district,county US 2025-07-01 2028-06-30)
laptops=$(contract "Keiko Tanaka" los-angeles-usd "Student laptops and carts" tokyo-denki IT school-district,higher-ed US 2025-07-01 2028-06-30 1)
at 2025-12-22T17:00:00Z
saltcon=$(contract "Nguyễn Thị Lan" state-of-oregon "Road salt, winter 2026" sel-quebecois "Road maintenance" all US-OR 2025-12-22 2027-01-20)
at 2026-10-05T17:00:00Z
plow=$(contract "Owen Brooks" city-of-spokane "Snow plow blades and cutting edges" evergreen-equipment "Road maintenance" all US-WA - -)
fuel=$(contract "Priya Raman" state-of-washington "Fuel cards" acme-fleet Fleet all US-WA - -)
at 2025-08-15T17:00:00Z
lab=$(contract "Ravi Patel" university-of-oregon "Laboratory supplies" bright-labs "Research" higher-ed US 2025-08-15 2028-08-14)
fire=$(contract "Daniel Smith" warm-springs "Wildland fire equipment" evergreen-equipment "Public safety" all US 2025-08-15 2027-12-14)

at 2025-09-01T17:00:00Z
as "Wen Li" king-county; quiet do "$armor" terminate --reason "Vendor failed NIJ certification renewal; re-solicitation under way."
at 2026-10-20T17:00:00Z
as "Priya Raman" state-of-washington; quiet do "$fuel" cancel --reason "Award protest upheld; the department will re-solicit."
at 2026-02-01T17:00:00Z
as "José Álvarez" city-of-san-jose; quiet do "$evc" amend --date 2029-12-31 --note "Amendment 1: extended to align with federal grant period."
at 2026-11-02T17:00:00Z
as "Nguyễn Thị Lan" state-of-oregon; quiet do "$office_con" renew --note "First renewal exercised early at the vendor's held pricing."

# --- Participating addenda ---------------------------------------------------------------------
at 2025-05-05T17:00:00Z
# The fleet solicitation drafted addenda for Marion County and Multnomah County; Multnomah's is executed.
mult_pa=$("$cobuy" list addenda --format json | python3 -c 'import json,sys; print([a["id"] for a in json.load(sys.stdin) if a["party"]=="multnomah-county"][0])')
as "Grace Okafor" multnomah-county
quiet do "$mult_pa" edit --scope "Patrol sedans and hybrid SUVs for the Sheriff's Office" --contact "Grace Okafor, Fleet Manager <grace.okafor@multco.us>" \
  --po-instructions "Issue purchase orders through Multco Marketplace; reference RFP 25-031."
quiet do "$mult_pa" submit
as "Ana Ruiz" city-of-salem; quiet do "$mult_pa" approve
as "Grace Okafor" multnomah-county; quiet do "$mult_pa" sign --party participant --signer "Jessica Vega Pederson, Chair" --date 2025-05-05
at 2025-05-07T17:00:00Z
as "Dana Whitfield" acme-fleet; quiet do "$mult_pa" sign --party vendor --signer "Dana Whitfield, President" --date 2025-05-07

piggy() { # officer party contract scope contact spend (the caller sets `as` to the same officer)
  local id
  id=$(last new addendum --contract "$3" --party "$2")
  quiet do "$id" edit --scope "$4" --contact "$5" --spend "$6"
  echo "$id"
}
at 2026-03-10T17:00:00Z
as "Owen Brooks" city-of-spokane
spk=$(piggy "Owen Brooks" city-of-spokane "$furn" "Workstations and seating for the new City Hall annex" "Owen Brooks, Purchasing <obrooks@spokanecity.org>" 240000)
quiet do "$spk" submit
as "Priya Raman" state-of-washington; quiet do "$spk" approve
as "Owen Brooks" city-of-spokane; quiet do "$spk" sign --party participant --signer "Lisa Brown, Mayor" --date 2026-03-10
at 2026-03-12T17:00:00Z
as "Hana Kim" pacific-office; quiet do "$spk" sign --party vendor --signer "Hana Kim, Contracts Director" --date 2026-03-12

at 2026-11-12T17:00:00Z
as "Marcus Hill" city-of-portland
pdx=$(piggy "Marcus Hill" city-of-portland "$evc" "Level 2 and DC fast chargers for city fleet yards" "Marcus Hill, Fleet Services <marcus.hill@portlandoregon.gov>" 1800000)
quiet do "$pdx" submit

at 2026-11-05T17:00:00Z
as "Zoë Chen" salem-keizer-sd
sk=$(piggy "Zoë Chen" salem-keizer-sd "$laptops" "Chromebooks and charging carts for grades 3–8" "Zoë Chen, Purchasing <chen_zoe@salkeiz.k12.or.us>" 2600000)
quiet do "$sk" submit
as "Keiko Tanaka" los-angeles-usd; quiet do "$sk" approve
as "Zoë Chen" salem-keizer-sd; quiet do "$sk" sign --party participant --signer "Andrea Castañeda, Superintendent" --date 2026-11-05

at 2026-06-01T17:00:00Z
as "Grace Okafor" multnomah-county
mc=$(piggy "Grace Okafor" multnomah-county "$furn" "Furniture for the Gateway Center" "Grace Okafor <grace.okafor@multco.us>" 150000)
quiet do "$mc" submit
at 2026-06-04T17:00:00Z
as "Priya Raman" state-of-washington; quiet do "$mc" reject --reason "Washington's contract terms do not extend to Oregon counties' installation labor; use the Oregon price agreement."

at 2025-09-01T17:00:00Z
as "Ikaika Kahale" tualatin-valley-water
tv=$(piggy "Ikaika Kahale" tualatin-valley-water "$chem" "Sodium hypochlorite and coagulants for the Wolf Creek plant" "Ikaika Kahale <ikaika.kahale@tvwd.org>" 520000)
quiet do "$tv" submit
as "Lucía Romero" santa-fe-county; quiet do "$tv" approve
as "Ikaika Kahale" tualatin-valley-water; quiet do "$tv" sign --party participant --signer "Tom Hickmann, CEO" --date 2025-09-01
as "Rosa Delgado" coldwater-chemical; quiet do "$tv" sign --party vendor --signer "Rosa Delgado, Owner" --date 2025-09-01
at 2026-07-01T17:00:00Z
as "Ikaika Kahale" tualatin-valley-water; quiet do "$tv" terminate --reason "Plant switched to on-site hypochlorite generation."

at 2026-02-15T17:00:00Z
as "Mateo Trujillo" city-of-espanola
esp=$(piggy "Mateo Trujillo" city-of-espanola "$evc" "Two DC fast chargers at the Plaza lot" "Mateo Trujillo <mtrujillo@espanolanm.gov>" 95000)
quiet do "$esp" withdraw --reason "Grant award delayed to next fiscal year."

at 2026-11-21T17:00:00Z
as "Marcus Hill" city-of-portland
quiet new addendum --contract "$office_con" --party city-of-portland

"$cobuy" validate

import Foundation

/// A public body that leads cooperative contracts, or a vendor that holds them; its OCDS party
/// object is rendered once and repeated in every release it appears in.
struct Organization {
    let id: String
    let name: String
    /// Cobuy's party kind (`city`, `school-district`, ..., `vendor`).
    let kind: String
    /// `US-OR`, or `US` for a national body.
    let region: String
    /// Index in `Vocabulary.states`; nil for national bodies.
    let state: Int?
    /// A cooperative of several states, whose contracts are open across its neighbours.
    var isRegionalCooperative = false
    /// The entry in `parties`, with its roles.
    var party: [UInt8] = []
    /// `{"id":…,"name":…}` for `buyer` and award `suppliers`.
    var reference: [UInt8] = []
}

/// The fictional public sector one seed describes: about two thousand leads (state agencies,
/// counties, cities, school districts, special districts, colleges, tribal governments, federal
/// offices, regional and national cooperatives) and a few thousand vendors, each selling in one
/// or two categories.
struct World {
    enum LeadGroup: Int, CaseIterable {
        case national, regional, federal, state, local
    }

    private(set) var leads: [LeadGroup: [Organization]] = [:]
    /// Counties, cities, districts, colleges and tribes, per state (shuffled, so that the
    /// busiest leads are of every kind).
    private(set) var localLeads: [[Organization]] = []
    private(set) var vendorsByCategory: [[Organization]] = []
    private(set) var vendorCount = 0
    let categoryWeights: WeightTable
    let stateWeights: WeightTable
    /// National cooperatives lead a fifth of the contracts, as the large real ones do.
    let groupWeights = WeightTable([20, 8, 1, 18, 53])

    private var usedIDs = Set<String>()
    private var usedNames = Set<String>()

    static let vendorTarget = 3_200

    init(seed: UInt64) {
        var random = SplitMix64(seed: seed ^ 0xC0B0_7E57_0000_0001)
        categoryWeights = WeightTable(Category.all.map { _ in 2 + random.below(11) })
        stateWeights = WeightTable(Vocabulary.states.map(\.weight))
        makeLeads(&random)
        makeVendors(&random)
    }

    var leadCount: Int { leads.values.reduce(0) { $0 + $1.count } + localLeads.reduce(0) { $0 + $1.count } }

    func lead(_ random: inout SplitMix64) -> Organization {
        let group = LeadGroup(rawValue: random.weighted(groupWeights)) ?? .local
        if group == .local {
            let state = random.weighted(stateWeights)
            return random.pickSkewed(localLeads[state])
        }
        let list = leads[group] ?? []
        return group == .state ? random.pick(list) : random.pickSkewed(list)
    }

    func vendor(category: Int, _ random: inout SplitMix64) -> Organization {
        random.pickSkewed(vendorsByCategory[category])
    }

    // MARK: - Public bodies

    private mutating func makeLeads(_ random: inout SplitMix64) {
        var national: [Organization] = []
        for name in Vocabulary.nationalCooperatives {
            national.append(organization(name: name, kind: "special-district", state: nil, role: .lead, &random))
        }
        leads[.national] = national
        var regional: [Organization] = []
        for (name, code) in Vocabulary.regionalCooperatives {
            let state = Vocabulary.states.firstIndex { $0.code == code }
            var cooperative = organization(name: name, kind: "special-district", state: state, role: .lead, &random)
            cooperative.isRegionalCooperative = true
            regional.append(cooperative)
        }
        leads[.regional] = regional
        leads[.federal] = Vocabulary.federalAgencies.map {
            organization(name: $0, kind: "federal", state: nil, role: .lead, locality: "Washington", &random)
        }

        let stateAgencies = ["Department of Administrative Services", "Office of State Procurement", "Department of General Services",
                             "Division of Purchasing", "Office of Cooperative Contracts", "Department of Enterprise Services"]
        let tribalStates: Set<String> = ["AK", "AZ", "NM", "OK", "WA", "OR", "MT", "SD", "ND", "MN", "WI", "NV", "ID", "CA", "WY", "MI"]
        var states: [Organization] = []
        for (index, state) in Vocabulary.states.enumerated() {
            var agencies = stateAgencies
            for number in 0..<(state.weight >= 5 ? 2 : 1) {
                let agency = agencies.remove(at: random.below(agencies.count))
                let name = number == 0 && random.chance(500) ? "State of \(state.name) \(agency)" : "\(state.name) \(agency)"
                states.append(organization(name: name, kind: "state", state: index, role: .lead, &random))
            }
            var local: [Organization] = []
            func add(_ count: Int, kind: String, _ name: (String) -> String) {
                for _ in 0..<count {
                    for _ in 0..<20 {
                        let town = place(&random)
                        let candidate = name(town)
                        if !usedNames.contains(candidate) {
                            local.append(organization(name: candidate, kind: kind, state: index, role: .lead, locality: town, &random))
                            break
                        }
                    }
                }
            }
            let weight = state.weight
            add(3 + 2 * weight, kind: "county") { place in
                state.code == "LA" ? "\(place) Parish" : state.code == "AK" ? "\(place) Borough" : "\(place) County"
            }
            add(4 + 3 * weight, kind: "city") { place in
                let draw = random.below(10)
                return draw < 7 ? "City of \(place)" : draw < 9 ? "Town of \(place)" : "Village of \(place)"
            }
            add(2 + 2 * weight, kind: "school-district") { place in
                let forms = state.code == "TX" ? ["Independent School District", "ISD"]
                    : ["Unified School District", "Public Schools", "Area School District", "School District"]
                return "\(place) \(random.pick(forms))"
            }
            add(1 + weight, kind: "special-district") { place in
                "\(place) \(random.pick(["Regional Transit Authority", "Water District", "Park District", "Fire Protection District", "Port Authority", "Housing Authority", "Metropolitan Sewer District", "Airport Authority", "Library District"]))"
            }
            add(1 + weight / 2, kind: "higher-ed") { place in
                "\(place) \(random.pick(["Community College", "Technical College", "State University", "Community College District"]))"
            }
            if tribalStates.contains(state.code) {
                add(1 + random.below(2), kind: "tribal") { _ in
                    "\(random.pick(Vocabulary.rivers)) River \(random.pick(["Tribal Council", "Band Tribal Government", "Tribal Nation"])) (\(state.code))"
                }
            }
            // Busy leads of every kind: the skewed pick favours the front of the list.
            for position in stride(from: local.count - 1, to: 0, by: -1) {
                local.swapAt(position, random.below(position + 1))
            }
            localLeads.append(local)
        }
        leads[.state] = states
    }

    private func place(_ random: inout SplitMix64) -> String {
        if random.chance(40) { return random.pick(Vocabulary.accentedPlaces) }
        return random.pick(Vocabulary.placeStarts) + random.pick(Vocabulary.placeEnds)
    }

    // MARK: - Vendors

    private mutating func makeVendors(_ random: inout SplitMix64) {
        vendorsByCategory = Array(repeating: [], count: Category.all.count)
        for _ in 0..<World.vendorTarget {
            let primary = random.weighted(categoryWeights)
            let category = Category.all[primary]
            var name = ""
            for attempt in 0..<20 {
                name = vendorName(category, &random)
                if attempt == 19 { name += " \(random.pick(["II", "III", "of \(random.pick(Vocabulary.states).name)"]))" }
                if !usedNames.contains(name) { break }
            }
            if usedNames.contains(name) { continue }
            let state = random.weighted(stateWeights)
            let vendor = organization(name: name, kind: "vendor", state: random.chance(60) ? nil : state, role: .supplier, &random)
            vendorsByCategory[primary].append(vendor)
            // Some sell in a related category too (the list keeps related categories together).
            if random.chance(150) {
                let related = primary + (random.chance(500) ? 1 : -1)
                if vendorsByCategory.indices.contains(related) { vendorsByCategory[related].append(vendor) }
            }
            vendorCount += 1
        }
        // Every category has someone to award to, whatever the seed.
        for index in vendorsByCategory.indices where vendorsByCategory[index].isEmpty {
            let name = "\(random.pick(Vocabulary.vendorStems)) \(Category.all[index].trades[0]) \(random.pick(Vocabulary.legalForms)) \(index)"
            vendorsByCategory[index].append(organization(name: name, kind: "vendor", state: random.weighted(stateWeights), role: .supplier, &random))
            vendorCount += 1
        }
    }

    private func vendorName(_ category: Category, _ random: inout SplitMix64) -> String {
        let trade = random.pick(category.trades)
        var form = random.pick(Vocabulary.legalForms)
        if form == "Inc.", random.chance(500) { form = ", Inc." } else { form = " " + form }
        let draw = random.below(100)
        switch draw {
        case 0..<52: return "\(random.pick(Vocabulary.vendorStems)) \(trade)\(form)"
        case 52..<67: return "\(random.pick(Vocabulary.surnames)) \(trade)\(form)"
        case 67..<77: return "\(random.pick(Vocabulary.surnames)) & \(random.pick(Vocabulary.surnames)) \(trade)"
        case 77..<87: return "\(random.pick(Vocabulary.vendorStems)) \(trade)"
        case 87..<95:
            let letters = "ABCDEFGHJKLMNPRSTW"
            let initials = (0..<(2 + random.below(2))).map { _ in String(letters[letters.index(letters.startIndex, offsetBy: random.below(letters.count))]) }
            return "\(initials.joined()) \(trade)\(form)"
        default:
            let pattern = random.pick(Vocabulary.foreignVendorPatterns)
            let stem = random.chance(500) ? random.pick(Vocabulary.vendorStems) : random.pick(Vocabulary.surnames)
            return "\(pattern.prefix)\(stem)\(pattern.suffix)"
        }
    }

    // MARK: - Parties

    enum Role { case lead, supplier }

    /// The party as OCDS publishes it and Cobuy reads it: a lead with its address (region
    /// US-XX, or US for a national body), a contact and its kind in `details`; a vendor with
    /// its home region and, now and then, a contact.
    private mutating func organization(name: String, kind: String, state: Int?, role: Role, locality: String? = nil,
                                       _ random: inout SplitMix64) -> Organization {
        usedNames.insert(name)
        let id = uniqueID(for: name)
        let region = state.map { "US-\(Vocabulary.states[$0].code)" } ?? "US"
        var organization = Organization(id: id, name: name, kind: kind, region: region, state: state)
        var json = JSONWriter(capacity: 512)
        json.beginObject()
        json.key("id"); json.string(id)
        json.key("name"); json.string(name)
        json.key("address")
        json.beginObject()
        if role == .lead { json.key("locality"); json.string(locality ?? place(&random)) }
        json.key("region"); json.string(region)
        if role == .lead { json.key("countryName"); json.string("United States" as StaticString) }
        json.endObject()
        if role == .lead || random.chance(100) {
            json.key("contactPoint")
            json.beginObject()
            json.key("name"); json.string(person(&random))
            json.key("email"); json.string("\(role == .lead ? "buy" : "bids")@\(id.prefix(20)).example")
            json.endObject()
        }
        json.key("roles")
        json.beginArray()
        if role == .lead {
            json.string("buyer" as StaticString)
            json.string("procuringEntity" as StaticString)
        } else {
            json.string("supplier" as StaticString)
        }
        json.endArray()
        if role == .lead {
            // Cobuy reads the kind back from here (a supplier is always a vendor).
            json.key("details")
            json.beginObject()
            json.key("kind"); json.string(kind)
            json.endObject()
        }
        json.endObject()
        organization.party = json.bytes

        var reference = JSONWriter(capacity: 128)
        reference.beginObject()
        reference.key("id"); reference.string(id)
        reference.key("name"); reference.string(name)
        reference.endObject()
        organization.reference = reference.bytes
        return organization
    }

    private func person(_ random: inout SplitMix64) -> String {
        random.chance(25) ? random.pick(Vocabulary.unusualContacts)
            : "\(random.pick(Vocabulary.givenNames)) \(random.pick(Vocabulary.surnames))"
    }

    /// A party id Cobuy keeps as it is: a slug of lower-case ASCII letters, digits and single
    /// hyphens, 2–64 characters, not starting like a record id (`sol-`, `con-`, `pa-`).
    private mutating func uniqueID(for name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if (97...122).contains(scalar.value) || (48...57).contains(scalar.value) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        slug = String(slug.prefix(52))
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.count < 2 || ["sol-", "con-", "pa-"].contains(where: { slug.hasPrefix($0) }) { slug = "org-" + slug }
        var id = slug
        var number = 2
        while usedIDs.contains(id) {
            id = "\(slug)-\(number)"
            number += 1
        }
        usedIDs.insert(id)
        return id
    }
}

import Foundation

/// One cooperative contract process as an OCDS release, shaped the way `cobuy import ocds`
/// reads it (see OCDSImport.contracts(in:)):
///
/// - `parties`: the lead (roles buyer, procuringEntity; `address.region` US-XX or US;
///   `details.kind` a Cobuy party kind) and the vendor (role supplier);
/// - `buyer`: the lead, which administers the contract;
/// - `tender`: title, description, items with UNSPSC classifications, mainProcurementCategory,
///   the catalog category as `additionalProcurementCategories[0]`, and the techniques
///   extension's framework agreement: `hasFrameworkAgreement` false for a closed contract,
///   otherwise `buyerCategories` in Cobuy's wording (`county, city in US-OR, US-WA`,
///   `any public body in any region`), or no wording at all (open to the lead's country);
/// - `awards[0]`: the supplier; `contracts[0]`: status (pending, active, terminated, cancelled;
///   expired and expiring are active contracts whose period ended or is about to), period and
///   value in USD. Titles and descriptions are composed from vocabularies, so that words are
///   spread the way a full-text index meets them: a few everywhere, most rare.
struct ContractRelease {
    /// How the contract stands on the reference day, 2026-11-23.
    enum Standing: Int, CaseIterable {
        case active, expiring, expired, terminated, cancelled, pending
    }

    static let standingWeights = WeightTable([500, 90, 240, 70, 40, 60])
    static let yearWeights = WeightTable([12, 15, 30, 15, 28])
    /// Cobuy's party kinds as its cooperative clauses word them, in its order.
    static let kindLabels = ["state", "county", "city", "school district", "special district", "higher education",
                             "tribal government", "federal agency"]
    static let kindWeights = WeightTable([10, 16, 18, 14, 10, 10, 4, 2])
    static let titledCategories = Category.all.map { titleCase($0.name) }
    static let titledItems = Category.all.map { $0.items.map(titleCase) }

    let world: World
    let seed: UInt64

    func write(number: Int, into json: inout JSONWriter) {
        var random = SplitMix64(seed: seed, stream: UInt64(number))
        let categoryIndex = random.weighted(world.categoryWeights)
        let category = Category.all[categoryIndex]
        let lead = world.lead(&random)
        let vendor = world.vendor(category: categoryIndex, &random)
        let standing = Standing(rawValue: random.weighted(Self.standingWeights)) ?? .active
        let term = Self.term(standing, &random)
        let (open, buyerCategories) = clause(lead, &random)

        // Items: one to three different things the category covers.
        var order = Array(category.items.indices)
        for position in 0..<min(3, order.count) { order.swapAt(position, position + random.below(order.count - position)) }
        let itemCount = 1 + (random.chance(220) ? 1 : 0) + (random.chance(60) ? 1 : 0)
        let items = Array(order.prefix(itemCount))
        let solicitation = "\(random.pick(Vocabulary.solicitationKinds))-\(term.signed.year)-\(String(number % 9000 + 1000))"
        let brand = random.chance(220) ? Self.brand(&random) : nil
        let title = Self.title(category: categoryIndex, items: order, lead: lead, solicitation: solicitation, term: term, brand: brand, &random)
        let description = Self.description(category: category, items: order, mentioned: min(3, itemCount + 1), lead: lead,
                                           vendor: vendor, term: term, open: open, brand: brand, &random)
        let cents = Self.value(category, &random)
        let signedAt = 8 * 3600 + random.below(10 * 3600)
        let ocid = "ocds-gen000-\(seed)-\(number)"

        json.beginObject()
        json.key("ocid"); json.string(ocid)
        json.key("id"); json.string(ocid + "-" + String(1 + (standing == .terminated ? 1 : 0)))
        json.key("date"); json.dateTime(term.released, seconds: signedAt)
        json.key("tag")
        json.beginArray()
        if standing == .terminated {
            json.string("contractTermination" as StaticString)
        } else {
            json.string("award" as StaticString)
            json.string("contract" as StaticString)
        }
        json.endArray()
        json.key("initiationType"); json.string("tender" as StaticString)
        json.key("parties")
        json.beginArray()
        json.raw(lead.party)
        json.raw(vendor.party)
        json.endArray()
        json.key("buyer"); json.raw(lead.reference)

        json.key("tender")
        json.beginObject()
        json.key("id"); json.string(solicitation)
        json.key("title"); json.string(title)
        json.key("description"); json.string(description)
        json.key("status"); json.string("complete" as StaticString)
        json.key("items")
        json.beginArray()
        for (position, item) in items.enumerated() {
            json.beginObject()
            json.key("id"); json.number(position + 1)
            json.key("description"); json.string(category.items[item])
            json.key("classification")
            json.beginObject()
            json.key("scheme"); json.string("UNSPSC" as StaticString)
            json.key("id"); json.string(String(category.unspsc + item + 1))
            json.endObject()
            json.endObject()
        }
        json.endArray()
        json.key("mainProcurementCategory"); json.string(category.main.code)
        json.key("additionalProcurementCategories")
        json.beginArray()
        json.string(category.name)
        json.endArray()
        json.key("techniques")
        json.beginObject()
        json.key("hasFrameworkAgreement"); json.bool(open)
        if let buyerCategories {
            json.key("frameworkAgreement")
            json.beginObject()
            json.key("buyerCategories"); json.string(buyerCategories)
            json.endObject()
        }
        json.endObject()
        json.endObject()

        let awardID = "1"
        json.key("awards")
        json.beginArray()
        json.beginObject()
        json.key("id"); json.string(awardID)
        json.key("status"); json.string(standing == .cancelled ? "cancelled" : "active")
        json.key("suppliers")
        json.beginArray()
        json.raw(vendor.reference)
        json.endArray()
        json.endObject()
        json.endArray()

        json.key("contracts")
        json.beginArray()
        json.beginObject()
        json.key("id"); json.string("MA-\(term.signed.year % 100)-\(number)")
        json.key("awardID"); json.string(awardID)
        json.key("status")
        switch standing {
        case .active, .expiring, .expired: json.string("active" as StaticString)
        case .terminated: json.string("terminated" as StaticString)
        case .cancelled: json.string("cancelled" as StaticString)
        case .pending: json.string("pending" as StaticString)
        }
        json.key("period")
        json.beginObject()
        json.key("startDate"); json.dateTime(term.start)
        json.key("endDate"); json.dateTime(term.end, seconds: 86_399)
        json.endObject()
        json.key("value")
        json.beginObject()
        json.key("amount"); json.money(cents: cents)
        json.key("currency"); json.string("USD" as StaticString)
        json.endObject()
        json.endObject()
        json.endArray()
        json.endObject()
    }

    // MARK: - Term

    struct Term {
        var start: CivilDay
        var end: CivilDay
        var years: Int
        /// The day the contract was signed (or, when pending, awarded).
        var signed: CivilDay
        /// The release's date: the signing, or the termination.
        var released: CivilDay
    }

    /// A term within 2019–2031 that stands as asked on 2026-11-23: ends run from the day
    /// before an anniversary of the start (`2024-07-01` to `2027-06-30`), sometimes extended.
    static func term(_ standing: Standing, _ random: inout SplitMix64) -> Term {
        let today = CivilDay.today
        func years() -> Int { 1 + random.weighted(yearWeights) }
        func startDay(from first: CivilDay, to last: CivilDay) -> CivilDay {
            let day = first.adding(days: random.below(max(1, last.number - first.number + 1)))
            let (year, month, _) = day.components
            return CivilDay(year: year, month: month, day: random.chance(550) ? 1 : 1 + random.below(28))
        }
        func end(_ start: CivilDay, _ years: Int, _ months: Int) -> CivilDay {
            start.adding(years: years, months: months).adding(days: -1)
        }
        func extraMonths() -> Int { random.chance(180) ? random.pick([6, 12, 24]) : 0 }
        /// A term whose end falls in the window, drawn backwards from its end.
        func ending(in first: CivilDay, _ last: CivilDay) -> (CivilDay, CivilDay, Int) {
            let endDay = first.adding(days: random.below(max(1, last.number - first.number + 1)))
            var length = years()
            var start = endDay.adding(days: 1).adding(years: -length)
            while start < CivilDay.earliest, length > 1 {
                length -= 1
                start = endDay.adding(days: 1).adding(years: -length)
            }
            return (max(start, CivilDay.earliest), endDay, length)
        }

        var start: CivilDay, finish: CivilDay, length: Int
        switch standing {
        case .active:
            (start, finish, length) = (today.adding(days: -400), today.adding(days: 1500), 5)
            for _ in 0..<64 {
                let candidate = startDay(from: CivilDay.earliest, to: today)
                let span = years()
                let candidateEnd = end(candidate, span, extraMonths())
                if candidateEnd > today.adding(days: 90), candidateEnd <= CivilDay.latest, candidate <= today {
                    (start, finish, length) = (candidate, candidateEnd, span)
                    break
                }
            }
        case .expiring:
            (start, finish, length) = ending(in: today, today.adding(days: 90))
        case .expired:
            (start, finish, length) = ending(in: CivilDay(year: 2019, month: 12, day: 31), today.adding(days: -1))
        case .terminated, .cancelled, .pending:
            let window: (CivilDay, CivilDay) = standing == .pending ? (today.adding(days: 1), today.adding(days: 200))
                : standing == .terminated ? (CivilDay.earliest, today.adding(days: -120)) : (CivilDay.earliest, today.adding(days: 60))
            start = startDay(from: window.0, to: window.1)
            length = years()
            finish = end(start, length, extraMonths())
            while finish > CivilDay.latest, length > 1 {
                length -= 1
                finish = end(start, length, 0)
            }
            finish = min(finish, CivilDay.latest)
        }
        var signed = start.adding(days: -(1 + random.below(45)))
        if standing == .pending { signed = today.adding(days: -(1 + random.below(60))) }
        var released = signed
        if standing == .terminated {
            let last = min(finish, today).number
            released = CivilDay(number: min(last, start.number + 60 + random.below(max(1, last - start.number - 60))))
        }
        return Term(start: start, end: finish, years: length, signed: signed, released: released)
    }

    // MARK: - Eligibility

    /// Whether others may join, and who, in the wording `OCDSImport.parseSummary` reads back.
    func clause(_ lead: Organization, _ random: inout SplitMix64) -> (open: Bool, buyerCategories: String?) {
        if random.chance(90) { return (false, nil) }
        if random.chance(60) { return (true, nil) }
        var kinds = "any public body"
        if !random.chance(450) {
            var chosen = Set<Int>()
            for _ in 0..<(1 + random.below(4)) { chosen.insert(random.weighted(Self.kindWeights)) }
            kinds = chosen.sorted().map { Self.kindLabels[$0] }.joined(separator: ", ")
        }
        let states = Vocabulary.states
        func neighbours(of state: Int, count: Int) -> [String] {
            let division = states.indices.filter { states[$0].division == states[state].division && $0 != state }
            var picked: [String] = []
            for _ in 0..<count {
                guard let other = division.isEmpty ? nil : random.pick(division) else { break }
                let code = "US-\(states[other].code)"
                if !picked.contains(code) { picked.append(code) }
            }
            return picked
        }
        let regions: String
        let draw = random.below(100)
        if let state = lead.state {
            let home = "US-\(states[state].code)"
            if lead.isRegionalCooperative {
                regions = draw < 60 ? ([home] + neighbours(of: state, count: 2 + random.below(5))).joined(separator: ", ")
                    : draw < 90 ? "US" : home
            } else {
                regions = draw < 62 ? home : draw < 85 ? ([home] + neighbours(of: state, count: 1 + random.below(2))).joined(separator: ", ")
                    : draw < 96 ? "US" : "any region"
            }
        } else {
            if draw < 40 {
                regions = "any region"
            } else if draw < 85 {
                regions = "US"
            } else {
                var codes: [String] = []
                for _ in 0..<(3 + random.below(6)) {
                    let code = "US-\(random.pick(states).code)"
                    if !codes.contains(code) { codes.append(code) }
                }
                regions = codes.joined(separator: ", ")
            }
        }
        return (true, "\(kinds) in \(regions)")
    }

    // MARK: - Words

    static func titleCase(_ text: String) -> String {
        let small: Set<Substring> = ["and", "or", "of", "for", "the", "a", "an", "to", "in", "with", "as", "by", "on"]
        return text.split(separator: " ").enumerated().map { position, word in
            if position > 0, small.contains(word) { return String(word) }
            return word.prefix(1).uppercased() + word.dropFirst()
        }.joined(separator: " ")
    }

    /// A made-up product line (`Korlum X-420`): the rare words of a full-text index.
    static func brand(_ random: inout SplitMix64) -> String {
        var name = ""
        for _ in 0..<(2 + random.below(2)) { name += random.pick(Vocabulary.brandSyllables) }
        let letters = "XRTMSZ"
        let letter = letters[letters.index(letters.startIndex, offsetBy: random.below(letters.count))]
        return "\(name.prefix(1).uppercased())\(name.dropFirst()) \(letter)-\(100 + random.below(9) * 100 + random.below(4) * 20)"
    }

    static func title(category: Int, items order: [Int], lead: Organization, solicitation: String, term: Term, brand: String?,
                      _ random: inout SplitMix64) -> String {
        let items = titledItems[category]
        let first = items[order[0]], second = items[order[min(1, order.count - 1)]], third = items[order[min(2, order.count - 1)]]
        let name = titledCategories[category]
        if let brand, random.chance(500) { return "\(name) – \(first) (\(brand) Series)" }
        switch random.below(9) {
        case 0: return "\(name): \(first) and \(second)"
        case 1: return "\(first), \(second) and Related Services"
        case 2: return lead.kind == "state" ? "Statewide Contract for \(name)" : "\(name) Cooperative Contract"
        case 3: return "Cooperative Purchasing Agreement – \(first)"
        case 4: return "\(name) (\(solicitation))"
        case 5: return "\(first) \(term.start.year)–\(term.end.year)"
        case 6: return "Master Agreement for \(first) and \(second)"
        case 7: return "\(first), \(second) and \(third)"
        default: return "\(name) – \(first)"
        }
    }

    /// Two to four sentences: the agreement and its vendor, what it covers, and now and then
    /// a term most contracts state and a word on who may join.
    static func description(category: Category, items order: [Int], mentioned: Int, lead: Organization, vendor: Organization,
                            term: Term, open: Bool, brand: String?, _ random: inout SplitMix64) -> String {
        let items = order.prefix(mentioned).map { category.items[$0] }
        let years = Vocabulary.numberWords[min(term.years, Vocabulary.numberWords.count) - 1]
        var agreement = random.pick(Vocabulary.agreementWords)
        if agreement == "statewide contract", lead.kind != "state" { agreement = "cooperative contract" }
        var text = "\(years.prefix(1).uppercased())\(years.dropFirst())-year \(agreement) with \(vendor.name)"
        if random.chance(400) {
            text += ", awarded after \(random.pick(Vocabulary.methods))."
        } else if !vendor.name.hasSuffix(".") {
            text += "."
        }
        let features = category.features
        let feature = random.below(features.count)
        let list = items.count >= 3 ? "\(items[0]), \(items[1]) and \(items[2])" : items.joined(separator: " and ")
        switch random.below(3) {
        case 0: text += " It covers \(list), with \(features[feature]) and \(features[(feature + 1) % features.count])."
        case 1: text += " The award covers \(list) and includes \(features[feature])."
        default: text += " Agencies can buy \(list); the price includes \(features[feature])."
        }
        if random.chance(550) { text += " " + boilerplate(&random) }
        if let brand {
            text += " The awarded line is the \(brand) series."
        } else if random.chance(220) {
            text += " " + (open ? random.pick(Vocabulary.participation) : "Use is limited to the agencies named in the solicitation.")
        }
        return text
    }

    static func boilerplate(_ random: inout SplitMix64) -> String {
        let sentence = random.pickSkewed(Vocabulary.boilerplate)
        guard sentence.contains("#") else { return sentence }
        let numbers: [Int]
        switch sentence {
        case _ where sentence.hasPrefix("Pricing is fixed"): numbers = [12, 18, 24, 36]
        case _ where sentence.contains("administrative fee"): numbers = [1, 2, 3]
        case _ where sentence.contains("hours"): numbers = [24, 48, 72]
        case _ where sentence.contains("renewals"): numbers = [2, 3, 4]
        case _ where sentence.contains("notice"): numbers = [30, 60, 90]
        case _ where sentence.contains("net"): numbers = [30, 45]
        case _ where sentence.contains("years after"): numbers = [5, 7, 10]
        default: numbers = [10, 12, 15, 18, 20, 25, 30, 35, 40]
        }
        return sentence.replacingOccurrences(of: "#", with: String(random.pick(numbers)))
    }

    /// Cents: a few hundred thousand dollars to hundreds of millions, smaller ones more often;
    /// round figures, odd dollars and now and then cents.
    static func value(_ category: Category, _ random: inout SplitMix64) -> Int {
        let magnitude = category.magnitudes.lowerBound + random.skewed(category.magnitudes.count)
        var unit = 1
        for _ in 0..<(magnitude - 2) { unit *= 10 }
        var dollars = (100 + random.below(900)) * unit
        if random.chance(350) { dollars += random.below(unit) }
        return dollars * 100 + (random.chance(120) ? random.below(100) : 0)
    }
}

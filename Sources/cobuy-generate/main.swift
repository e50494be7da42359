import CobuyCore
import Foundation

// `cobuy-generate --contracts N [--seed S] [--publisher NAME] [--format package|jsonl] -o FILE`
//
// Writes N realistic cooperative contracts as an OCDS 1.1.5 release package (or JSON Lines of
// releases): one process per contract, led by fictional states, counties, cities, school
// districts and national cooperatives, across categories, regions, eligibility clauses,
// statuses and terms around 2026-11-23, with vocabularies that give full-text search a real
// distribution of common and rare words. The same seed always gives the same bytes.

/// SplitMix64: small, fast and the same on every platform (unlike the system generator).
struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

enum Vocabulary {
    static let states: [(code: String, name: String)] = [
        ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"), ("CA", "California"), ("CO", "Colorado"),
        ("CT", "Connecticut"), ("DE", "Delaware"), ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"), ("ID", "Idaho"),
        ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"), ("KY", "Kentucky"), ("LA", "Louisiana"),
        ("ME", "Maine"), ("MD", "Maryland"), ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"),
        ("MS", "Mississippi"), ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"), ("NV", "Nevada"),
        ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"), ("NY", "New York"), ("NC", "North Carolina"),
        ("ND", "North Dakota"), ("OH", "Ohio"), ("OK", "Oklahoma"), ("OR", "Oregon"), ("PA", "Pennsylvania"),
        ("RI", "Rhode Island"), ("SC", "South Carolina"), ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"),
        ("UT", "Utah"), ("VT", "Vermont"), ("VA", "Virginia"), ("WA", "Washington"), ("WV", "West Virginia"),
        ("WI", "Wisconsin"), ("WY", "Wyoming"),
    ]
    static let places = ["Riverside", "Fairview", "Georgetown", "Salem", "Franklin", "Clinton", "Madison", "Springfield",
                         "Greenville", "Bristol", "Ashland", "Oakdale", "Cedar Falls", "Lakewood", "Milford", "Dover",
                         "Española", "Peñasco", "Coeur d'Alene", "Bellevue", "Marion", "Jackson", "Lincoln", "Monroe",
                         "Harrison", "Kingston", "Newport", "Plainview", "Hillsboro", "Brookfield", "Wheaton", "Elgin"]
    /// Categories with what they buy: item nouns and words of their descriptions.
    static let categories: [(name: String, items: [String], words: [String])] = [
        ("Office supplies", ["copy paper", "toner cartridges", "binders", "desk accessories"], ["recycled", "next-day", "desktop delivery"]),
        ("Furniture", ["task chairs", "height-adjustable desks", "filing cabinets", "classroom furniture"], ["ergonomic", "BIFMA-certified", "installation"]),
        ("IT hardware", ["laptops", "desktop computers", "monitors", "docking stations"], ["imaging", "asset tagging", "warranty"]),
        ("Networking", ["switches", "wireless access points", "firewalls", "fiber optics"], ["managed", "PoE", "configuration"]),
        ("Software", ["productivity suites", "GIS software", "ERP licences", "endpoint protection"], ["subscription", "cloud-hosted", "training"]),
        ("Cloud services", ["infrastructure as a service", "backup storage", "disaster recovery"], ["FedRAMP", "data residency", "SLA"]),
        ("Fleet vehicles", ["patrol sedans", "pickup trucks", "hybrid SUVs", "cargo vans"], ["upfitting", "fleet telematics", "EV"]),
        ("Heavy equipment", ["motor graders", "wheel loaders", "excavators", "backhoes"], ["rental", "maintenance", "operator training"]),
        ("Road salt", ["rock salt", "treated salt", "brine", "sand-salt mix"], ["winter", "deicing", "stockpile delivery"]),
        ("Snow removal", ["snow plow blades", "cutting edges", "spreaders", "plow mounts"], ["carbide", "winter readiness", "deicing"]),
        ("Asphalt", ["hot mix asphalt", "cold patch", "crack sealant", "emulsion"], ["paving", "pothole repair", "tack coat"]),
        ("Janitorial", ["paper towels", "trash liners", "floor care chemicals", "hand soap"], ["green seal", "dispensers", "custodial"]),
        ("HVAC", ["rooftop units", "chillers", "boilers", "controls"], ["energy efficient", "preventive maintenance", "retrofit"]),
        ("Electrical", ["LED fixtures", "street lighting", "generators", "transformers"], ["retrofit", "installation", "rebates"]),
        ("Plumbing", ["pipes and fittings", "valves", "water heaters", "backflow preventers"], ["repair", "emergency service", "parts"]),
        ("Water treatment", ["chlorine", "polymers", "water meters", "pumps"], ["chemicals", "SCADA", "compliance"]),
        ("Public safety", ["body-worn cameras", "radios", "body armor", "tasers"], ["evidence management", "interoperable", "duty gear"]),
        ("Fire equipment", ["fire hose", "SCBA", "turnout gear", "ladders"], ["NFPA", "wildland", "testing"]),
        ("Emergency medical", ["ambulances", "defibrillators", "stretchers", "medical supplies"], ["EMS", "response", "restock"]),
        ("Playground equipment", ["play structures", "safety surfacing", "swings", "shade structures"], ["inclusive", "installation", "ADA"]),
        ("Parks and grounds", ["mowers", "irrigation", "turf products", "trail equipment"], ["landscaping", "maintenance", "seasonal"]),
        ("Food services", ["school meals", "commodity processing", "kitchen equipment", "vending"], ["nutrition", "USDA", "catering"]),
        ("Uniforms", ["work uniforms", "high-visibility apparel", "footwear", "rain gear"], ["embroidery", "rental", "laundry"]),
        ("Library materials", ["books", "e-books", "periodicals", "library furniture"], ["cataloging", "processing", "digital"]),
        ("Laboratory supplies", ["reagents", "glassware", "microscopes", "lab equipment"], ["science", "instructional", "safety"]),
        ("Medical supplies", ["gloves", "masks", "vaccines", "pharmaceuticals"], ["PPE", "distribution", "cold chain"]),
        ("Fuel", ["unleaded gasoline", "diesel", "propane", "fuel cards"], ["delivery", "bulk", "price index"]),
        ("Energy", ["electricity supply", "natural gas", "solar arrays", "EV chargers"], ["renewable", "demand response", "net metering"]),
        ("Construction", ["job order contracting", "roofing", "flooring", "painting"], ["renovation", "facility repair", "prevailing wage"]),
        ("Elevators", ["elevator maintenance", "modernization", "escalators"], ["inspection", "repair", "code compliance"]),
        ("Security", ["access control", "video surveillance", "guard services", "locks"], ["integration", "monitoring", "keys"]),
        ("Printing", ["printing services", "mail processing", "envelopes", "signage"], ["variable data", "election", "large format"]),
        ("Telecommunications", ["cellular service", "VoIP", "data lines", "mobile devices"], ["wireless", "unified communications", "carrier"]),
        ("Consulting", ["management consulting", "IT consulting", "engineering services", "audit services"], ["advisory", "staff augmentation", "studies"]),
        ("Staffing", ["temporary staffing", "nursing staff", "IT staffing", "substitute teachers"], ["on-demand", "background checks", "payroll"]),
        ("Traffic", ["traffic signals", "road signs", "pavement markings", "barricades"], ["retroreflective", "work zone", "ITS"]),
        ("Waste management", ["refuse collection", "recycling", "roll-off containers", "compost"], ["hauling", "diversion", "carts"]),
        ("Transit", ["transit buses", "paratransit vans", "fare collection", "bus shelters"], ["low-floor", "zero-emission", "ADA"]),
        ("Education technology", ["interactive displays", "student devices", "learning management", "classroom audio"], ["1:1", "K-12", "instructional"]),
        ("Audio visual", ["projectors", "sound systems", "video conferencing", "digital signage"], ["installation", "council chambers", "streaming"]),
    ]
    static let vendorStems = ["Cascade", "Summit", "Pioneer", "Keystone", "Evergreen", "Redwood", "Liberty", "Granite", "Harbor",
                              "Prairie", "Sierra", "Blue Ridge", "Northwind", "Sunbelt", "Heartland", "Frontier", "Atlas",
                              "Meridian", "Beacon", "Ironwood", "Coastal", "Tri-County", "Pacific", "Great Lakes", "Ozark",
                              "Müller", "Société", "Peña", "Nguyễn", "Østergaard", "Zürich", "São Paulo", "Kōbe", "東京", "Sol ☀"]
    static let vendorTrades = ["Supply", "Solutions", "Equipment", "Services", "Systems", "Distributors", "Industries",
                               "Technologies", "Partners", "Products", "Fleet", "Logistics", "Contractors", "Group"]
    static let vendorForms = ["Inc.", "LLC", "Co.", "Corp.", "Ltd.", "LP", "& Sons", "Company"]
    static let cooperatives = ["National Purchasing Alliance", "Western States Contracting Consortium", "Municipal Buying Cooperative",
                               "Educational Purchasing Collaborative", "Interlocal Purchasing Network", "Public Agency Buying Group"]
    static let kinds = ["city", "county", "school-district", "special-district", "higher-ed", "state", "tribal"]
    static let kindLabels = ["city": "city", "county": "county", "school-district": "school district",
                             "special-district": "special district", "higher-ed": "higher education", "state": "state", "tribal": "tribal"]
    static let sentences = [
        "Pricing is fixed for the first year and adjusts annually by CPI thereafter.",
        "Delivery is included to any location within the eligible regions.",
        "Participating entities may issue purchase orders directly to the vendor.",
        "The vendor provides a dedicated account manager and quarterly usage reports.",
        "Emergency orders are fulfilled within 24 hours.",
        "Minority- and women-owned business subcontracting goals apply.",
        "Warranty service is performed on site.",
        "Training for end users is included at no additional cost.",
        "Volume discounts apply to orders above the tiered thresholds.",
        "Awarded through a competitive request for proposals with public opening.",
    ]
}

struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

struct Options {
    var contracts = 0
    var seed: UInt64 = 1
    var publisher = "Cobuy Catalog Generator"
    var output = ""
    var jsonLines = false

    static func parse(_ arguments: [String]) -> Result<Options, UsageError> {
        var options = Options()
        var index = 0
        func value(_ flag: String) -> String? {
            index += 1
            return index < arguments.count ? arguments[index] : nil
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--contracts":
                guard let text = value(argument), let count = Int(text), count > 0, count <= 5_000_000 else {
                    return .failure(UsageError("--contracts takes a number from 1 to 5000000"))
                }
                options.contracts = count
            case "--seed":
                guard let text = value(argument), let seed = UInt64(text) else { return .failure(UsageError("--seed takes a whole number")) }
                options.seed = seed
            case "--publisher":
                guard let text = value(argument), !text.isEmpty else { return .failure(UsageError("--publisher takes a name")) }
                options.publisher = text
            case "-o", "--output":
                guard let text = value(argument), !text.isEmpty else { return .failure(UsageError("-o takes a file path")) }
                options.output = text
            case "--format":
                switch value(argument) {
                case "package"?: options.jsonLines = false
                case "jsonl"?: options.jsonLines = true
                default: return .failure(UsageError("--format takes package or jsonl"))
                }
            case "-h", "--help":
                return .failure(UsageError(""))
            default:
                return .failure(UsageError("unknown argument \(argument)"))
            }
            index += 1
        }
        guard options.contracts > 0 else { return .failure(UsageError("--contracts N is required")) }
        guard !options.output.isEmpty else { return .failure(UsageError("-o FILE is required")) }
        return .success(options)
    }
}

/// JSON text built by hand: a 100,000-release package is written in seconds, streamed.
struct JSONText {
    var bytes: [UInt8] = []

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for unit in text.utf8 {
            switch unit {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0..<0x20: bytes.append(contentsOf: Array(String(format: "\\u%04x", Int(unit)).utf8))
            default: bytes.append(unit)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func field(_ key: String, _ value: String, comma: Bool = true) {
        string(key)
        raw(":")
        string(value)
        if comma { raw(",") }
    }
}

struct Catalog {
    var random: Generator
    let seed: UInt64
    let publisher: String
    var vendors: [(id: String, name: String, region: String)] = []
    var leads: [(id: String, name: String, kind: String, region: String)] = []

    init(seed: UInt64, publisher: String) {
        self.seed = seed
        self.publisher = publisher
        random = Generator(state: seed)
        for number in 0..<3000 {
            let name = "\(random.pick(Vocabulary.vendorStems)) \(random.pick(Vocabulary.vendorTrades)) \(random.pick(Vocabulary.vendorForms))"
            let state = random.pick(Vocabulary.states)
            vendors.append(("vendor-\(number)", name, "US-\(state.code)"))
        }
        var number = 0
        for state in Vocabulary.states {
            leads.append(("lead-\(number)", "State of \(state.name) Department of Administration", "state", "US-\(state.code)"))
            number += 1
            for _ in 0..<8 {
                let place = random.pick(Vocabulary.places)
                let kind = random.pick(["city", "county", "school-district", "special-district", "higher-ed"])
                let name: String
                switch kind {
                case "city": name = "City of \(place), \(state.code)"
                case "county": name = "\(place) County, \(state.code)"
                case "school-district": name = "\(place) Unified School District (\(state.code))"
                case "special-district": name = "\(place) Water and Transit Authority (\(state.code))"
                default: name = "\(state.name) State University at \(place)"
                }
                leads.append(("lead-\(number)", name, kind, "US-\(state.code)"))
                number += 1
            }
        }
        for name in Vocabulary.cooperatives {
            leads.append(("lead-\(number)", name, "special-district", "US"))
            number += 1
        }
    }

    /// The sample's reference day, 2026-11-23, moved by `days`.
    func date(_ days: Int) -> String {
        CalendarDate(daysSinceEpoch: 20_780 + days).description
    }

    mutating func release(_ number: Int, into json: inout JSONText) {
        let category = random.pick(Vocabulary.categories)
        let lead = random.pick(leads)
        let vendor = random.pick(vendors)
        let ocid = "ocds-gen000-\(seed)-\(number)"
        let items = (0..<(1 + random.below(3))).map { _ in random.pick(category.items) }
        let title = "\(items[0].prefix(1).uppercased())\(items[0].dropFirst())" + (random.chance(50) ? " and \(random.pick(category.words))" : "")
            + (random.chance(30) ? " \(2024 + random.below(4))–\(2028 + random.below(4))" : "")
        let word = random.pick(category.words)
        var description = "\(word.prefix(1).uppercased())\(word.dropFirst()) "
            + "\(items.joined(separator: ", ")) for \(Vocabulary.kindLabels[lead.kind] ?? "public") agencies."
        for _ in 0..<(1 + random.below(2)) { description += " " + random.pick(Vocabulary.sentences) }
        // Terms spread around today: expired, expiring within 90 days, years left.
        let startOffset = -(30 + random.below(2200))
        let length = 365 * (1 + random.below(5)) + random.below(200)
        let start = date(startOffset), end = date(startOffset + length)
        let status = random.chance(6) ? "terminated" : random.chance(3) ? "cancelled" : random.chance(4) ? "pending" : "active"
        let open = !random.chance(12)
        var buyerCategories = "any public body in any region"
        if open {
            let kinds = random.chance(45) ? "any public body"
                : (0..<(1 + random.below(3))).map { _ in Vocabulary.kindLabels[random.pick(Vocabulary.kinds)] ?? "city" }
                    .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: ", ")
            let regions: String
            switch random.below(10) {
            case 0...3: regions = lead.region == "US" ? "US" : lead.region
            case 4...5: regions = "US"
            case 6: regions = "any region"
            default:
                let neighbours = (0..<(1 + random.below(3))).map { _ in "US-\(random.pick(Vocabulary.states).code)" }
                regions = ([lead.region == "US" ? "US-\(random.pick(Vocabulary.states).code)" : lead.region] + neighbours)
                    .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: ", ")
            }
            buyerCategories = "\(kinds) in \(regions)"
        }
        let amount = (5 + random.below(2000)) * 5000
        let contractID = "GEN-\(seed)-\(number)"

        json.raw("{")
        json.field("ocid", ocid)
        json.field("id", "\(ocid)-contract")
        json.field("date", "\(start)T17:00:00Z")
        json.raw("\"tag\":[\"award\",\"contract\"],")
        json.field("initiationType", "tender")
        json.raw("\"parties\":[{")
        json.field("id", lead.id)
        json.field("name", lead.name)
        json.raw("\"roles\":[\"buyer\",\"procuringEntity\"],\"address\":{")
        json.field("region", lead.region)
        json.field("countryName", "US", comma: false)
        json.raw("},\"details\":{")
        json.field("kind", lead.kind, comma: false)
        json.raw("},\"contactPoint\":{")
        json.field("name", "Procurement Office \(number % 97)")
        json.field("email", "purchasing\(number % 97)@\(lead.id).example.gov")
        json.field("telephone", "555-01\(String(format: "%02d", number % 100))", comma: false)
        json.raw("}},{")
        json.field("id", vendor.id)
        json.field("name", vendor.name)
        json.raw("\"roles\":[\"supplier\"],\"address\":{")
        json.field("region", vendor.region)
        json.field("countryName", "US", comma: false)
        json.raw("},\"details\":{")
        json.field("kind", "vendor", comma: false)
        json.raw("}}],\"buyer\":{")
        json.field("id", lead.id)
        json.field("name", lead.name, comma: false)
        json.raw("},\"tender\":{")
        json.field("id", "\(ocid)-tender")
        json.field("title", title)
        json.field("description", description)
        json.field("status", "complete")
        json.raw("\"additionalProcurementCategories\":[")
        json.string(category.name)
        json.raw("],\"procuringEntity\":{")
        json.field("id", lead.id)
        json.field("name", lead.name, comma: false)
        json.raw("},\"items\":[")
        for (index, item) in items.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw("{")
            json.field("id", "\(index + 1)")
            json.field("description", item)
            json.raw("\"classification\":{")
            json.field("scheme", "UNSPSC")
            json.field("id", "\(40_000_000 + (category.name.utf8.count * 104_729 + index) % 50_000_000)", comma: false)
            json.raw("}}")
        }
        json.raw("],\"techniques\":{\"hasFrameworkAgreement\":\(open),\"frameworkAgreement\":{")
        json.field("method", "withoutReopeningCompetition")
        json.field("description", open ? "Cooperative contract: other eligible public bodies may join by participating addendum."
                   : "Only the named participants may use this contract.")
        if open { json.field("buyerCategories", buyerCategories) }
        json.raw("\"period\":{")
        json.field("startDate", "\(start)T00:00:00Z")
        json.field("endDate", "\(end)T23:59:59Z", comma: false)
        json.raw("}}}},\"awards\":[{")
        json.field("id", "\(contractID)-award")
        json.field("status", status == "pending" ? "pending" : "active")
        json.raw("\"suppliers\":[{")
        json.field("id", vendor.id)
        json.field("name", vendor.name, comma: false)
        json.raw("}],\"contractPeriod\":{")
        json.field("startDate", "\(start)T00:00:00Z")
        json.field("endDate", "\(end)T23:59:59Z", comma: false)
        json.raw("}}],\"contracts\":[{")
        json.field("id", contractID)
        json.field("awardID", "\(contractID)-award")
        json.field("title", title)
        json.field("description", description)
        json.field("status", status)
        json.raw("\"period\":{")
        json.field("startDate", "\(start)T00:00:00Z")
        json.field("endDate", "\(end)T23:59:59Z", comma: false)
        json.raw("},\"value\":{\"amount\":\(amount),\"currency\":\"USD\"},")
        json.field("dateSigned", "\(start)T00:00:00Z", comma: false)
        json.raw("}]}")
    }
}

func fail(_ message: String) -> Never {
    let usage = "usage: cobuy-generate --contracts N [--seed S] [--publisher NAME] [--format package|jsonl] -o FILE"
    FileHandle.standardError.write(Data(((message.isEmpty ? "" : "cobuy-generate: \(message)\n") + usage + "\n").utf8))
    exit(message.isEmpty ? 0 : 64)
}

let options: Options
switch Options.parse(Array(CommandLine.arguments.dropFirst())) {
case .success(let parsed): options = parsed
case .failure(let error): fail(error.message)
}
guard FileManager.default.createFile(atPath: options.output, contents: nil), let handle = FileHandle(forWritingAtPath: options.output) else {
    fail("cannot write \(options.output)")
}
let started = Date()
var catalog = Catalog(seed: options.seed, publisher: options.publisher)
var json = JSONText()
json.bytes.reserveCapacity(1 << 21)
if !options.jsonLines {
    json.raw("{\"uri\":\"urn:cobuy-generate:\(options.seed)\",\"version\":\"1.1\",\"publishedDate\":\"2026-11-23T12:00:00Z\",")
    json.raw("\"publisher\":{")
    json.field("name", options.publisher, comma: false)
    json.raw("},\"extensions\":[\"https://raw.githubusercontent.com/open-contracting-extensions/ocds_techniques_extension/master/extension.json\"],")
    json.raw("\"releases\":[\n")
}
var written = 0
for number in 0..<options.contracts {
    if !options.jsonLines, number > 0 { json.raw(",\n") }
    catalog.release(number, into: &json)
    if options.jsonLines { json.raw("\n") }
    if json.bytes.count > 1 << 20 {
        handle.write(Data(json.bytes))
        written += json.bytes.count
        json.bytes.removeAll(keepingCapacity: true)
    }
    if (number + 1) % 10_000 == 0 {
        FileHandle.standardError.write(Data("\rcobuy-generate: \(number + 1) of \(options.contracts) contracts".utf8))
    }
}
if !options.jsonLines { json.raw("\n]}\n") }
handle.write(Data(json.bytes))
written += json.bytes.count
try? handle.close()
FileHandle.standardError.write(Data(String(format: "\rcobuy-generate: %d contracts, %.1f MB, %.2f s -> %@\n", options.contracts,
                                            Double(written) / 1_000_000, Date().timeIntervalSince(started), options.output).utf8))

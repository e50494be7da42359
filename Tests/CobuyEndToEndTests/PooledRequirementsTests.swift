import Foundation
import Testing

/// Issue 15's bar through the real binary: two lines in different units; the lead and two
/// partners state quantities per line; `show --format json` has each partner's quantity per
/// line and the totals; cost sharing by pooled spend gives the lead a share and the shares add
/// up; after award and `complete`, each partner's addendum names its own quantities per line.
@Suite struct PooledRequirementsEndToEndTests {
    @Test func theLeadAndTwoPartnersPoolLineByLineThroughToTheirAddenda() throws {
        let sandbox = try CobuySandbox()
        let ids = Scenario(name: "pooled", steps: Stage.seed + [
            .ok(.salem, ["new", "solicitation", "--title", "Fleet and fuel", "--lead", "city-of-salem"], capture: ("SOL", "SOL-")),
            .ok(.salem, ["do", "$SOL", "add-line", "--text", "Patrol sedan", "--quantity", "60", "--unit", "each"]),
            .ok(.salem, ["do", "$SOL", "add-line", "--text", "Fuel", "--quantity", "9000", "--unit", "gallon"]),
            .ok(.salem, ["do", "$SOL", "invite", "--party", "marion-county"]),
            .ok(.salem, ["do", "$SOL", "invite", "--party", "city-of-bend"]),
            .ok(.salem, ["do", "$SOL", "pledge", "--party", "city-of-salem", "--quantity", "1=10", "--quantity", "2=2000",
                         "--spend", "300000"]),
            .ok(.salem, ["do", "$SOL", "circulate"]),
            .ok(.marion, ["do", "$SOL", "join", "--party", "marion-county", "--quantity", "1=40", "--quantity", "2=5000",
                          "--spend", "1200000"]),
            .ok(.bend, ["do", "$SOL", "join", "--party", "city-of-bend", "--quantity", "1=12", "--spend", "400000"]),
            .refuse(.bend, ["do", "$SOL", "pledge", "--party", "city-of-bend", "--quantity", "3=1"], record: "$SOL", guard: "line-known",
                    mentions: ["line 3"]),
            .refuse(.bend, ["do", "$SOL", "pledge", "--party", "city-of-bend", "--quantity", "2=-4"], record: "$SOL",
                    guard: "quantity-not-negative"),
            .ok(.bend, ["do", "$SOL", "pledge", "--party", "city-of-bend", "--quantity", "2=1500"]),
            .ok(.salem, ["do", "$SOL", "set-cost-sharing", "--method", "pooled-spend", "--total", "18500"]),
            .ok(.marion, ["do", "$SOL", "sign-agreement", "--party", "marion-county", "--signer", "D. Bethell"]),
            .ok(.bend, ["do", "$SOL", "sign-agreement", "--party", "city-of-bend", "--signer", "J. Park"]),
            .ok(.salem, ["do", "$SOL", "sign-agreement", "--party", "city-of-salem", "--signer", "K. Stahley"]),
            .ok(.salem, ["do", "$SOL", "form"]),
        ]).run(in: sandbox)
        let id = try #require(ids["SOL"])

        let record = try #require(sandbox.json(id))
        let lines = try #require(record["lines"] as? [[String: Any]])
        #expect(lines.map { $0["unit"] as? String } == ["each", "gallon"])
        #expect(lines.map { $0["pooledTotal"] as? Int } == [62, 8500])
        let partners = try #require(record["partners"] as? [[String: Any]])
        func quantities(_ party: String) -> [Int: Int] {
            let pledges = partners.first { $0["party"] as? String == party }?["quantities"] as? [[String: Any]] ?? []
            return Dictionary(pledges.compactMap { pledge in (pledge["line"] as? Int).flatMap { line in (pledge["quantity"] as? Int).map { (line, $0) } } },
                              uniquingKeysWith: { a, _ in a })
        }
        #expect(quantities("city-of-salem") == [1: 10, 2: 2000])
        #expect(quantities("marion-county") == [1: 40, 2: 5000])
        #expect(quantities("city-of-bend") == [1: 12, 2: 1500])

        // Shares by pooled spend: 300,000 / 1,900,000 of $18,500 for the lead.
        let text = sandbox.must(["show", id]).stdout
        let shares = text.split(separator: "\n").compactMap { line -> Int? in
            guard let range = line.range(of: "cost share $") else { return nil }
            let digits = line[range.upperBound...].prefix { $0.isNumber || $0 == "," || $0 == "." }.filter { $0 != "," && $0 != "." }
            return Int(digits)
        }
        #expect(shares.count == 3, "\(text)")
        #expect(shares.reduce(0, +) == 1_850_000, "\(text)")
        #expect(text.contains("City of Salem (city-of-salem): joined, lead") || text.contains("(city-of-salem): signed, lead"), "\(text)")
        #expect(text.contains("cost share $2,921.05"), "the lead's share: \(text)")
        #expect(text.contains("Pooled requirements") && text.contains("2. Fuel: 8500 gallon in all"), "\(text)")

        let after = Scenario(name: "award", steps: [
            .ok(.salem, ["do", id, "set-tender", "--number", "RFP 26-020", "--date", "2026-03-01"]),
            .ok(.salem, ["do", id, "add-criterion", "--criterion", "Price", "--weight", "100"]),
            .ok(.salem, ["do", id, "set-cooperative", "--kinds", "city,county", "--regions", "US-OR"]),
            .ok(.salem, ["do", id, "publish"]),
            .clock("2026-02-10T09:00:00Z"),
            .ok(.salem, ["do", id, "record-proposal", "--vendor", "acme-fleet", "--price", "2500000"]),
            .clock("2026-03-02T09:00:00Z"),
            .ok(.salem, ["do", id, "close"]),
            .ok(.salem, ["do", id, "score", "--proposal", "P1", "--criterion", "Price", "--score", "90"]),
            .ok(.salem, ["do", id, "award", "--proposal", "P1"], capture: ("CON", "CON-")),
            .ok(.salem, ["do", "$CON", "sign", "--date", "2026-03-02", "--end", "2029-03-01"]),
            .ok(.salem, ["do", id, "complete"]),
        ]).run(in: sandbox)
        let contract = try #require(after["CON"])
        let addenda = sandbox.must(["list", "addenda", "--format", "json"]).stdout
        let list = try #require(try JSONSerialization.jsonObject(with: Data(addenda.utf8)) as? [[String: Any]], "\(addenda)")
        let drafted = list.compactMap { $0["id"] as? String }.compactMap { sandbox.json($0) }.filter { $0["contract"] as? String == contract }
        var scopes: [String: String] = [:]
        for addendum in drafted {
            if let party = addendum["party"] as? String { scopes[party] = addendum["scope"] as? String ?? "" }
        }
        #expect(scopes["marion-county"] == "Patrol sedan: 40 each; Fuel: 5000 gallon", "\(scopes)")
        #expect(scopes["city-of-bend"] == "Patrol sedan: 12 each; Fuel: 1500 gallon", "\(scopes)")
        #expect(scopes["city-of-salem"] == nil, "the lead holds the contract itself")
    }
}

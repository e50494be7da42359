import Foundation
import Testing

/// One step of a scripted store history. Arguments may name records captured earlier as
/// `$SOL`, `$CON`, `$PA`, ...
enum Step: Sendable {
    /// Must exit 0; `capture` stores the last token of stdout starting with its prefix (e.g. `SOL-`) under its name.
    case ok(Acting?, [String], capture: (name: String, prefix: String)? = nil)
    /// Must be refused: exit 1, one line on stderr naming `record`, the guard and every word in
    /// `mentions`, and every file in the store byte-for-byte unchanged.
    case refuse(Acting?, [String], record: String, guard: String, mentions: [String] = [])
    /// Moves the clock (`COBUY_NOW`).
    case clock(String)
}

/// A named list of steps, run against a fresh store.
struct Scenario: Sendable, CustomTestStringConvertible {
    var name: String
    var steps: [Step]
    var testDescription: String { name }

    /// Runs every step; returns the captured ids.
    @discardableResult
    func run(in sandbox: CobuySandbox, sourceLocation: SourceLocation = #_sourceLocation) -> [String: String] {
        var captured: [String: String] = [:]
        func resolve(_ text: String) -> String {
            var text = text
            for (name, value) in captured.sorted(by: { $0.key.count > $1.key.count }) {
                text = text.replacingOccurrences(of: "$\(name)", with: value)
            }
            return text
        }
        for (index, step) in steps.enumerated() {
            switch step {
            case .clock(let now):
                sandbox.now = now
            case let .ok(acting, arguments, capture):
                let output = sandbox.run(arguments.map(resolve), as: acting)
                #expect(output.status == 0 && !output.crashed, "\(name) step \(index + 1): \(output)", sourceLocation: sourceLocation)
                if let capture {
                    let token = output.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).last { $0.hasPrefix(capture.prefix) }
                    captured[capture.name] = token.map(String.init)
                    #expect(token != nil, "\(name) step \(index + 1): no \(capture.prefix) id in \(output)", sourceLocation: sourceLocation)
                }
            case let .refuse(acting, arguments, record, guardName, mentions):
                let record = resolve(record)
                let before = sandbox.snapshot()
                let output = sandbox.run(arguments.map(resolve), as: acting)
                let context = "\(name) step \(index + 1) [\(guardName)]: \(output)"
                #expect(!output.crashed, "\(context)", sourceLocation: sourceLocation)
                #expect(output.status == 1, "\(context)", sourceLocation: sourceLocation)
                #expect(output.stderrLines.count == 1, "\(context)", sourceLocation: sourceLocation)
                #expect(output.stderr.contains(record), "names the record: \(context)", sourceLocation: sourceLocation)
                #expect(output.stderr.contains("[guard: \(guardName)]"), "names the guard: \(context)", sourceLocation: sourceLocation)
                for word in mentions.map(resolve) {
                    #expect(output.stderr.contains(word), "mentions \(word): \(context)", sourceLocation: sourceLocation)
                }
                #expect(output.stdout.isEmpty, "\(context)", sourceLocation: sourceLocation)
                let after = sandbox.snapshot()
                if let kindFolder = ["SOL-": "solicitations", "CON-": "contracts", "PA-": "addenda"].first(where: { record.hasPrefix($0.key) })?.value {
                    #expect(before["\(kindFolder)/\(record).json"] != nil, "\(context): the record file exists", sourceLocation: sourceLocation)
                }
                #expect(after == before, "\(context): changed \(Set(after.keys).union(before.keys).filter { after[$0] != before[$0] }.sorted())",
                        sourceLocation: sourceLocation)
            }
        }
        return captured
    }
}

/// The shared beginnings of scenarios: a solicitation taken step by step through its life.
enum Stage {
    static let seed: [Step] = [.ok(nil, ["init"])] + [
        ("city-of-salem", "City of Salem", "city", "US-OR"), ("marion-county", "Marion County", "county", "US-OR"),
        ("city-of-bend", "City of Bend", "city", "US-OR"), ("city-of-austin", "City of Austin", "city", "US-TX"),
        ("salem-keizer-sd", "Salem-Keizer School District", "school-district", "US-OR"),
        ("acme-fleet", "Acme Fleet", "vendor", "US-WA"), ("northwind", "Northwind Motors", "vendor", "US-OR"),
    ].map { id, name, kind, region in
        Step.ok(nil, ["new", "party", "--id", id, "--name", name, "--kind", kind, "--region", region, "--population", "1000"])
    }

    static let draftWithoutLines: [Step] = seed + [
        .ok(.salem, ["new", "solicitation", "--title", "Fleet vehicles", "--lead", "city-of-salem"], capture: ("SOL", "SOL-")),
        .ok(.salem, ["do", "$SOL", "invite", "--party", "marion-county"]),
    ]

    static let draft: [Step] = draftWithoutLines + [
        .ok(.salem, ["do", "$SOL", "add-line", "--text", "Patrol sedan", "--quantity", "40", "--unit", "each"]),
    ]

    static let forming: [Step] = draft + [.ok(.salem, ["do", "$SOL", "circulate"])]

    static let formed: [Step] = forming + [
        .ok(.marion, ["do", "$SOL", "join", "--party", "marion-county", "--quantity", "25"]),
        .ok(.marion, ["do", "$SOL", "sign-agreement", "--party", "marion-county", "--signer", "D. Bethell"]),
        .ok(.salem, ["do", "$SOL", "sign-agreement", "--party", "city-of-salem", "--signer", "C. Hoy"]),
        .ok(.salem, ["do", "$SOL", "form"]),
    ]

    static let tenderReady: [Step] = formed + [
        .ok(.salem, ["do", "$SOL", "set-tender", "--number", "RFP 26-014", "--date", "2026-03-01", "--minimum", "2"]),
        .ok(.salem, ["do", "$SOL", "add-criterion", "--criterion", "Price", "--weight", "60"]),
        .ok(.salem, ["do", "$SOL", "add-criterion", "--criterion", "Service", "--weight", "40"]),
        .ok(.salem, ["do", "$SOL", "set-cooperative", "--kinds", "city,county", "--regions", "US-OR"]),
    ]

    static let soliciting: [Step] = tenderReady + [.ok(.salem, ["do", "$SOL", "publish"])]

    static let evaluating: [Step] = soliciting + [
        .clock("2026-02-10T09:00:00Z"),
        .ok(.salem, ["do", "$SOL", "record-proposal", "--vendor", "acme-fleet", "--price", "1000000"]),
        .ok(.salem, ["do", "$SOL", "record-proposal", "--vendor", "northwind", "--price", "950000"]),
        .clock("2026-03-02T09:00:00Z"),
        .ok(.salem, ["do", "$SOL", "close"]),
    ]

    /// P1 (acme-fleet) scores 84, P2 (northwind) 82: P1 is the best.
    static let scores: [Step] = [("P1", "Price", "80"), ("P1", "Service", "90"), ("P2", "Price", "90"), ("P2", "Service", "70")].map {
        Step.ok(.salem, ["do", "$SOL", "score", "--proposal", $0.0, "--criterion", $0.1, "--score", $0.2])
    }

    static let awarded: [Step] = evaluating + scores + [
        .ok(.salem, ["do", "$SOL", "award", "--proposal", "P1"], capture: ("CON", "CON-")),
    ]

    static let active: [Step] = awarded + [
        .ok(.salem, ["do", "$CON", "sign", "--date", "2026-03-02", "--end", "2029-03-01"]),
    ]
}

import CobuyCore
import CobuyJSON
import Foundation

/// Who may use an imported contract, from evidence only: what the publisher states (the
/// techniques extension's framework agreement, in Cobuy's own wording) or a rule an officer
/// states for a whole catalog. Where neither says anything, the clause is *not stated*.
extension OCDSImport {
    /// Whom the statements below are attributed to.
    static let publisherStated = "the publisher"

    /// The clause the release states, and the publisher's own wording when Cobuy cannot read it
    /// (kept for the officer to read; it is no evidence Cobuy can act on).
    static func clause(_ tender: JSONNode?, award: JSONNode?, memo: inout Memo) -> (clause: CooperativeClause, published: String?) {
        for techniques in [award?["techniques"], tender?["techniques"]] {
            guard let techniques, techniques.isObject else { continue }
            let wording = techniques["frameworkAgreement"]?["buyerCategories"]?.string.map { trimmed($0, newlines: true) }
            if let wording, !wording.isEmpty {
                if let parsed = memo.clause(wording) { return (parsed.stated(by: publisherStated), nil) }
                return (.notStated("the publisher, in words Cobuy cannot read"), wording)
            }
            // Stated that the process sets up no framework: nobody else may call off it.
            if techniques["hasFrameworkAgreement"]?.bool == false { return (CooperativeClause.closed.stated(by: publisherStated), nil) }
        }
        return (.notStated(), nil)
    }

    /// Whether the publisher marks the process (or the award) a framework agreement.
    static func isFramework(_ tender: JSONNode?, award: JSONNode?) -> Bool {
        [award?["techniques"], tender?["techniques"]].contains { $0?["hasFrameworkAgreement"]?.bool == true }
    }

    /// The most telling category: the publisher's own (additional categories), else the first
    /// item's classification (`Office furniture`), else OCDS's goods, works or services.
    static func category(contract: JSONNode?, tender: JSONNode?) -> String {
        if let own = tender?["additionalProcurementCategories"]?.strings?.first, !own.isEmpty { return own }
        for items in [contract?["items"], tender?["items"]] {
            if let described = items?.objects.first?["classification"]?["description"].flatMap(string) { return described }
        }
        return string(tender?["mainProcurementCategory"]) ?? ""
    }

    /// Reads `county, city in US-OR, US-WA` / `any public body in any region` back into a clause.
    static func parseSummary(_ text: String) -> CooperativeClause? {
        let parts = pieces(of: text, separatedBy: " in ")
        guard parts.count == 2 else { return nil }
        var kinds: [PartyKind]? = []
        if parts[0] == "any public body" { kinds = nil } else {
            for label in pieces(of: parts[0], separatedBy: ", ") {
                guard let kind = kindsByLabel[label] else { return nil }
                kinds?.append(kind)
            }
        }
        var regions: [RegionCode]? = []
        if parts[1] == "any region" { regions = nil } else {
            for code in pieces(of: parts[1], separatedBy: ", ") {
                guard let region = RegionCode(code) else { return nil }
                regions?.append(region)
            }
        }
        return CooperativeClause(open: true, kinds: kinds, regions: regions)
    }

    /// `text` cut at every `separator`, empty pieces kept (as `components(separatedBy:)`),
    /// on bytes: this runs for every contract, where Foundation's splitting costs tens of
    /// microseconds a call.
    static func pieces(of text: String, separatedBy separator: StaticString) -> [String] {
        let bytes = Array(text.utf8)
        let mark = UnsafeBufferPointer(start: separator.utf8Start, count: separator.utf8CodeUnitCount)
        var pieces: [String] = []
        var start = 0, index = 0
        while index + mark.count <= bytes.count {
            if bytes[index..<index + mark.count].elementsEqual(mark) {
                pieces.append(String(decoding: bytes[start..<index], as: UTF8.self))
                index += mark.count
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(String(decoding: bytes[start...], as: UTF8.self))
        return pieces
    }

    static let kindsByLabel = Dictionary(PartyKind.allCases.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })

}

import CobuyCore
import Foundation

/// Writes a contract as compact JSON with sorted keys, byte for byte what `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` writes (a test holds it to that), about ten
/// times faster: an import of 100,000 contracts spent most of its time in the generic encoder.
/// Reading stays with `Codable`.
enum ContractJSON {
    static func encode(_ contract: CooperativeContract) -> Data {
        var out = Writer()
        out.bytes.reserveCapacity(1024)
        out.object { field in
            if let value = contract.awardedValue { field("awardedValue") { $0.money(value) } }
            field("category") { $0.string(contract.category) }
            if let value = contract.ceiling { field("ceiling") { $0.money(value) } }
            if let value = contract.closingReason { field("closingReason") { $0.string(value) } }
            field("cooperativeClause") { $0.clause(contract.cooperativeClause) }
            field("description") { $0.string(contract.description) }
            field("documents") { out in
                out.array(contract.documents) { out, document in
                    out.object { field in
                        field("title") { $0.string(document.title) }
                        if let url = document.url { field("url") { $0.string(url) } }
                    }
                }
            }
            field("history") { out in out.array(contract.history) { out, entry in out.history(entry) } }
            field("id") { $0.string(contract.id) }
            if let value = contract.leadName { field("leadName") { $0.string(value) } }
            field("leadParty") { $0.string(contract.leadParty) }
            field("namedParticipants") { out in out.array(contract.namedParticipants) { out, id in out.string(id) } }
            if let period = contract.period {
                field("period") { out in
                    out.object { field in
                        field("end") { $0.string(period.end.description) }
                        field("start") { $0.string(period.start.description) }
                    }
                }
            }
            field("renewalOptions") { out in
                out.array(contract.renewalOptions) { out, option in
                    out.object { field in
                        field("exercised") { $0.raw(option.exercised ? "true" : "false") }
                        field("months") { $0.raw(String(option.months)) }
                    }
                }
            }
            field("revision") { $0.raw(String(contract.revision)) }
            field("schema") { $0.raw(String(contract.schema)) }
            field("singleAward") { $0.raw(contract.singleAward ? "true" : "false") }
            field("source") { out in
                let source = contract.source
                out.object { field in
                    if let value = source.file { field("file") { $0.string(value) } }
                    field("kind") { $0.string(source.kind.rawValue) }
                    if let value = source.ocid { field("ocid") { $0.string(value) } }
                    if let value = source.publisher { field("publisher") { $0.string(value) } }
                    if let value = source.solicitation { field("solicitation") { $0.string(value) } }
                }
            }
            field("status") { $0.string(contract.status.rawValue) }
            field("title") { $0.string(contract.title) }
            field("vendor") { $0.string(contract.vendor) }
            if let value = contract.vendorName { field("vendorName") { $0.string(value) } }
        }
        return Data(out.bytes)
    }

    struct Writer {
        var bytes: [UInt8] = []

        mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

        /// Writes `{...}`; `body` is handed a function that writes one `"key":value` member.
        /// Members must come in sorted key order.
        mutating func object(_ body: (_ field: (String, (inout Writer) -> Void) -> Void) -> Void) {
            // The buffer moves into a local writer for the members and back: no copy.
            var inner = Writer()
            swap(&inner.bytes, &bytes)
            inner.bytes.append(UInt8(ascii: "{"))
            var first = true
            body { key, value in
                if !first { inner.bytes.append(UInt8(ascii: ",")) }
                first = false
                inner.string(key)
                inner.bytes.append(UInt8(ascii: ":"))
                value(&inner)
            }
            inner.bytes.append(UInt8(ascii: "}"))
            swap(&inner.bytes, &bytes)
        }

        mutating func array<T>(_ items: [T], _ element: (inout Writer, T) -> Void) {
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                element(&self, item)
            }
            bytes.append(UInt8(ascii: "]"))
        }

        mutating func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            for unit in text.utf8 {
                switch unit {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(unit)
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(unit)
                case 0x08: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: Array("\\u00".utf8))
                    bytes.append(hex[Int(unit >> 4)])
                    bytes.append(hex[Int(unit & 0x0F)])
                default: bytes.append(unit)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }

        mutating func money(_ money: Money) {
            object { field in
                field("amount") { $0.raw(String(money.amount)) }
                field("currency") { $0.string(money.currency) }
            }
        }

        mutating func clause(_ clause: CooperativeClause) {
            object { field in
                if let kinds = clause.kinds { field("kinds") { out in out.array(kinds) { out, kind in out.string(kind.rawValue) } } }
                field("open") { $0.raw(clause.open ? "true" : "false") }
                if let regions = clause.regions { field("regions") { out in out.array(regions) { out, region in out.string(region.code) } } }
            }
        }

        mutating func history(_ entry: HistoryEntry) {
            object { field in
                field("action") { $0.string(entry.action) }
                field("actor") { $0.string(entry.actor) }
                field("at") { $0.string(entry.at.description) }
                field("details") { out in
                    out.object { field in
                        for key in entry.details.keys.sorted() {
                            field(key) { $0.string(entry.details[key] ?? "") }
                        }
                    }
                }
                if let from = entry.from { field("from") { $0.string(from) } }
                if let note = entry.note { field("note") { $0.string(note) } }
                field("party") { $0.string(entry.party) }
                field("sequence") { $0.raw(String(entry.sequence)) }
                field("to") { $0.string(entry.to) }
            }
        }
    }
}

import CobuyCore
import CobuyJSON
import Foundation

/// Writes a contract as compact JSON with sorted keys, byte for byte what `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` writes (a test holds it to that), about ten
/// times faster: an import of 100,000 contracts spent most of its time in the generic encoder.
/// Reading stays with `Codable`.
public enum ContractJSON {
    public static func encode(_ contract: CooperativeContract) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1536)
        encode(contract, appendingTo: &bytes)
        return Data(bytes)
    }

    /// Appends the contract's JSON to `bytes` (a whole chunk of a catalog shares one buffer).
    public static func encode(_ contract: CooperativeContract, appendingTo bytes: inout [UInt8]) {
        var out = Writer()
        swap(&out.bytes, &bytes)
        defer { swap(&out.bytes, &bytes) }
        out.open()
        if let value = contract.awardedValue { out.key("awardedValue"); out.money(value) }
        out.key("category"); out.string(contract.category)
        if let value = contract.ceiling { out.key("ceiling"); out.money(value) }
        if let value = contract.closingReason { out.key("closingReason"); out.string(value) }
        out.key("cooperativeClause"); out.clause(contract.cooperativeClause)
        out.key("description"); out.string(contract.description)
        out.key("documents")
        out.array(contract.documents) { out, document in
            out.open()
            out.key("title"); out.string(document.title)
            if let url = document.url { out.key("url"); out.string(url) }
            out.close()
        }
        out.key("history")
        out.array(contract.history) { out, entry in out.history(entry) }
        out.key("id"); out.string(contract.id)
        if let value = contract.leadName { out.key("leadName"); out.string(value) }
        out.key("leadParty"); out.string(contract.leadParty)
        out.key("namedParticipants"); out.strings(contract.namedParticipants)
        if let period = contract.period {
            out.key("period")
            out.open()
            out.key("end"); out.string(period.end.description)
            out.key("start"); out.string(period.start.description)
            out.close()
        }
        out.key("renewalOptions")
        out.array(contract.renewalOptions) { out, option in
            out.open()
            out.key("exercised"); out.bool(option.exercised)
            out.key("months"); out.number(option.months)
            out.close()
        }
        out.key("revision"); out.number(contract.revision)
        out.key("schema"); out.number(contract.schema)
        out.key("singleAward"); out.bool(contract.singleAward)
        out.key("source")
        let source = contract.source
        out.open()
        if let value = source.award { out.key("award"); out.string(value) }
        if let value = source.callOffOf { out.key("callOffOf"); out.string(value) }
        if let value = source.file { out.key("file"); out.string(value) }
        if let value = source.framework { out.key("framework"); out.bool(value) }
        out.key("kind"); out.string(source.kind.rawValue)
        if let value = source.ocid { out.key("ocid"); out.string(value) }
        if let value = source.publisher { out.key("publisher"); out.string(value) }
        if let value = source.solicitation { out.key("solicitation"); out.string(value) }
        if let value = source.suppliers { out.key("suppliers"); out.strings(value) }
        if let value = source.warnings { out.key("warnings"); out.strings(value) }
        out.close()
        out.key("status"); out.string(contract.status.rawValue)
        if let value = contract.termEnd { out.key("termEnd"); out.string(value.description) }
        out.key("title"); out.string(contract.title)
        out.key("vendor"); out.string(contract.vendor)
        if let value = contract.vendorName { out.key("vendorName"); out.string(value) }
        out.close()
    }

    /// Straight-line writing into one byte buffer (no closure per member: an import writes
    /// 100,000 of these). Members must come in sorted key order; `first` remembers, for each
    /// open object or array, whether a comma is due.
    struct Writer {
        var bytes: [UInt8] = []
        private var first: [Bool] = []

        mutating func open() { bytes.append(UInt8(ascii: "{")); first.append(true) }
        mutating func close() { bytes.append(UInt8(ascii: "}")); first.removeLast() }
        mutating func openArray() { bytes.append(UInt8(ascii: "[")); first.append(true) }
        mutating func closeArray() { bytes.append(UInt8(ascii: "]")); first.removeLast() }

        private mutating func comma() {
            if first.last == false { bytes.append(UInt8(ascii: ",")) }
            if !first.isEmpty { first[first.count - 1] = false }
        }

        /// `"name":` — names are our own plain ASCII, so they need no escaping.
        mutating func key(_ name: StaticString) {
            comma()
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            bytes.append(UInt8(ascii: "\""))
            bytes.append(UInt8(ascii: ":"))
        }

        /// A key that comes from data (history details): escaped like any string.
        mutating func key(_ name: String) {
            comma()
            string(name)
            bytes.append(UInt8(ascii: ":"))
        }

        mutating func bool(_ value: Bool) {
            let text: StaticString = value ? "true" : "false"
            bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        mutating func number(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

        /// `[a,b,…]`, each element written by `write`.
        mutating func array<Element>(_ elements: [Element], _ write: (inout Writer, Element) -> Void) {
            openArray()
            for element in elements {
                comma()
                write(&self, element)
            }
            closeArray()
        }

        mutating func strings(_ values: [String]) { array(values) { out, value in out.string(value) } }

        mutating func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            var text = text
            text.withUTF8 { utf8 in
                guard let base = utf8.baseAddress else { return }
                // Runs of plain bytes are found eight at a time and copied whole; only the rare
                // byte that needs an escape is handled on its own.
                var index = 0, runStart = 0
                while index < utf8.count {
                    if index + 8 <= utf8.count {
                        let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                        let special = JSONScanner.specialBytes(word)
                        if special == 0 { index += 8; continue }
                        index += special.trailingZeroBitCount / 8
                    } else {
                        let unit = base[index]
                        if unit >= 0x20, unit != UInt8(ascii: "\""), unit != UInt8(ascii: "\\") { index += 1; continue }
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                    escape(base[index])
                    index += 1
                    runStart = index
                }
                bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: utf8.count - runStart))
            }
            bytes.append(UInt8(ascii: "\""))
        }

        /// As JSONEncoder writes them: the short escapes where JSON has one, else `\u00XX`.
        mutating func escape(_ unit: UInt8) {
            switch unit {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(unit)
            case 0x08: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            default:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(unit >> 4)])
                bytes.append(hex[Int(unit & 0x0F)])
            }
        }

        mutating func money(_ money: Money) {
            open()
            key("amount"); number(money.amount)
            key("currency"); string(money.currency)
            close()
        }

        mutating func clause(_ clause: CooperativeClause) {
            open()
            if let kinds = clause.kinds { key("kinds"); strings(kinds.map(\.rawValue)) }
            key("open"); bool(clause.open)
            if let regions = clause.regions { key("regions"); strings(regions.map(\.code)) }
            if let stated = clause.stated { key("stated"); bool(stated) }
            if let who = clause.statedBy { key("statedBy"); string(who) }
            close()
        }

        mutating func history(_ entry: HistoryEntry) {
            open()
            key("action"); string(entry.action)
            key("actor"); string(entry.actor)
            key("at"); string(entry.at.description)
            key("details")
            open()
            for (name, value) in entry.details.sorted(by: { $0.key < $1.key }) {
                key(name); string(value)
            }
            close()
            if let from = entry.from { key("from"); string(from) }
            if let note = entry.note { key("note"); string(note) }
            key("party"); string(entry.party)
            key("sequence"); number(entry.sequence)
            key("to"); string(entry.to)
            close()
        }
    }
}

import CobuyCore
import CobuyJSON
import Foundation

/// Reading single OCDS values as their publishers write them: ids as strings or numbers,
/// amounts that may be null, dates in the publisher's own offset, regions and kinds.
extension OCDSImport {
    static func identifier(_ value: JSONNode?) -> String {
        value?.string ?? value?.numberText ?? ""
    }

    /// A string, or a number as written (publishers put ids either way); nil when empty.
    static func string(_ value: JSONNode?) -> String? {
        if let text = value?.string { return text.isEmpty ? nil : text }
        return value?.numberText
    }

    /// A currency code as published (`mdl` is Moldova's MDL); nil when there is none.
    static func currency(_ value: JSONNode?) -> String? {
        guard let text = value?["currency"]?.string, text.utf8.count == 3, text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) else {
            return nil
        }
        return text.uppercased()
    }

    /// A value as published. `amount` null or absent is "value not stated" (OCDS allows it);
    /// an amount Cobuy cannot read, or one without a currency anywhere in the release, is not
    /// stated either and says why. `fallbackCurrency` is the release's other currency (the
    /// award's, the tender's), for a value that gives only the amount.
    static func money(_ value: JSONNode?, fallbackCurrency: String?) -> (money: Money?, warning: String?) {
        guard let object = value, object.isObject, let amount = object["amount"] else { return (nil, nil) }
        let currency = currency(object) ?? fallbackCurrency
        var cents: Int?
        if let number = amount.numberText {
            // Whole amounts (most) without Decimal's parser.
            if let whole = Int(number), whole.magnitude < 90_000_000_000_000 {
                cents = whole * 100
            } else if let decimal = Decimal(string: number) {
                let rounded = (decimal * 100 as NSDecimalNumber).rounding(accordingToBehavior: nil)
                if rounded.doubleValue.magnitude < 9e15 { cents = rounded.intValue }
            }
            guard cents != nil else { return (nil, "amount \(number) is out of range: value not stated") }
        } else if let text = amount.string {
            if text.trimmingCharacters(in: .whitespaces).isEmpty { return (nil, nil) }
            guard let parsed = Money(parsing: text, defaultCurrency: currency ?? "XXX") else {
                return (nil, "amount \"\(text)\" is not a number: value not stated")
            }
            cents = parsed.amount
        } else {
            return (nil, nil)
        }
        guard let currency, let cents else { return (nil, "an amount without a currency: value not stated") }
        return (Money(amount: cents, currency: currency), nil)
    }

    /// A date as its publisher wrote it.
    enum PublishedDate {
        case absent
        case date(CalendarDate)
        /// Written, but not a day of the calendar (`2026-02-30`, `0000-01-01`, `10000-01-01`).
        case invalid(String)
    }

    /// The calendar date in the publisher's own offset: the `YYYY-MM-DD` the publisher wrote,
    /// never converted to UTC (`2017-04-25T00:00:00+03:00` is the 25th, not the 24th).
    static func publishedDate(_ value: JSONNode?) -> PublishedDate {
        guard let value, value.kind != .null else { return .absent }
        guard let text = value.string else { return .invalid(value.numberText ?? "a non-text value") }
        if text.isEmpty { return .absent }
        let bytes = Array(text.utf8)
        let separator = bytes.count > 10 ? bytes[10] : UInt8(ascii: "T")
        guard bytes.count >= 10, separator == UInt8(ascii: "T") || separator == UInt8(ascii: " ") || separator == UInt8(ascii: "t"),
              let date = CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)) else { return .invalid(text) }
        return .date(date)
    }

    static func date(_ value: JSONNode?) -> CalendarDate? {
        if case .date(let date) = publishedDate(value) { return date }
        return nil
    }

    /// A term as published: both ends, only an end, or nothing usable (with why).
    enum PublishedTerm {
        case none
        case period(ContractPeriod)
        case endOnly(CalendarDate)
        /// Usable dates that do not make a term (only a start; an end before the start).
        case unusable(String)
        /// A date that is not a calendar date: the contract is skipped and named.
        case invalid(field: String, text: String)
    }

    static func term(_ value: JSONNode?) -> PublishedTerm {
        guard let object = value, object.isObject else { return .none }
        let start = publishedDate(object["startDate"]), end = publishedDate(object["endDate"])
        if case .invalid(let text) = start { return .invalid(field: "startDate", text: text) }
        if case .invalid(let text) = end { return .invalid(field: "endDate", text: text) }
        switch (start, end) {
        case (.date(let first), .date(let last)):
            return last >= first ? .period(ContractPeriod(start: first, end: last))
                : .unusable("the period ends (\(last)) before it starts (\(first)): term not stated")
        case (_, .date(let last)): return .endOnly(last)
        case (.date(let first), _): return .unusable("the period starts \(first) but has no end date: term not stated")
        default: return .none
        }
    }

    static func period(_ value: JSONNode?) -> ContractPeriod? {
        if case .period(let period) = term(value) { return period }
        return nil
    }

    /// Objects given as an array or, as some publishers write one, as a single object.
    static func objectList(_ value: JSONNode?) -> [JSONNode] {
        guard let value else { return [] }
        if value.isObject { return [value] }
        return value.objects
    }

    /// A party slug from an organization's name (its OCDS id when there is no name).
    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var result = ""
        for scalar in folded.unicodeScalars {
            let keep = (48...57).contains(scalar.value) || (97...122).contains(scalar.value)
            if keep { result.unicodeScalars.append(scalar) } else if result.last != "-" { result.append("-") }
        }
        result = String(result.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(60))
        while result.hasSuffix("-") { result.removeLast() }
        // A name in another script (Cyrillic, Chinese) leaves few letters to slug: its hash keeps
        // two such bodies apart.
        if result.count < 4 || !Party.isValidID(result) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            let letters = String(result.prefix(40)).replacingAll("--", with: "-")
            result = "org-" + (letters.isEmpty ? "" : letters + "-") + String(hash, radix: 16)
        }
        return Party.isValidID(result) ? result : "org-unnamed"
    }

    /// Kind from what the data says (our own exports carry it), else from whole words of the
    /// name: "National Purchasing Cooperative" is no tribal nation, "Electricity Board" no city.
    /// A public body the name does not place is taken as a special district (a council, a
    /// cooperative, an authority), the kind that implies no territory of its own.
    static func kind(details: JSONNode?, name: String, isSupplier: Bool) -> PartyKind {
        if isSupplier { return .vendor }
        if let text = details?["kind"]?.string, let kind = PartyKind(rawValue: text) { return kind }
        return kind(named: name)
    }

    static func kind(named name: String) -> PartyKind {
        let lower = name.lowercased()
        let words = Set(lower.split { !$0.isLetter }.map(String.init))
        func has(_ candidates: String...) -> Bool { candidates.contains(where: words.contains) }
        if has("university", "college", "polytechnic") { return .higherEd }
        if has("school", "schools", "unified", "isd", "usd", "academy") { return .schoolDistrict }
        if has("county", "parish") { return .county }
        if has("city", "town", "township", "village", "municipal", "municipality") { return .city }
        if has("tribe", "tribal", "nation", "pueblo", "rancheria") { return .tribal }
        if has("federal") || lower.contains("u.s.") || lower.contains("united states") { return .federal }
        if has("district", "authority", "agency", "commission", "council", "cooperative", "consortium", "board", "port", "transit") {
            return .specialDistrict
        }
        if has("state", "commonwealth", "department", "office") { return .state }
        return .specialDistrict
    }

    /// Country names publishers write in `countryName` instead of a code (English and their own
    /// language), for the countries whose data Cobuy has been tried on.
    static let countriesByName: [String: String] = [
        "united states": "US", "united states of america": "US", "usa": "US", "u.s.a.": "US", "u.s.": "US",
        "canada": "CA", "mexico": "MX", "méxico": "MX", "paraguay": "PY", "colombia": "CO", "ukraine": "UA", "україна": "UA",
        "moldova": "MD", "republica moldova": "MD", "republic of moldova": "MD", "portugal": "PT", "united kingdom": "GB",
        "nigeria": "NG", "uganda": "UG", "taiwan": "TW", "australia": "AU", "armenia": "AM", "france": "FR", "spain": "ES",
    ]

    /// Where a party is: a subdivision code (`US-OR`), a two-letter US state with the country
    /// United States (`region: "OR"` is Oregon, not a country), else the country.
    static func region(_ party: JSONNode?) -> RegionCode {
        let address = party?["address"]
        let countryText = address?["countryName"]?.string?.trimmingCharacters(in: .whitespaces) ?? ""
        let country = RegionCode(countryText).flatMap { $0.code.count == 2 ? $0 : nil }
            ?? countriesByName[countryText.lowercased()].flatMap(RegionCode.init)
        if let text = address?["region"]?.string?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if text.contains("-"), let code = RegionCode(text) { return code }
            if let country, text.utf8.count <= 3, let code = RegionCode("\(country.code)-\(text)"), country.code == "US" { return code }
        }
        return country ?? .unknown
    }
}

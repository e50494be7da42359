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
        guard let text = value?["currency"]?.string, text.utf8.count == 3 else { return nil }
        // Three ASCII capitals (nearly every file) are the code as they stand.
        if text.utf8.allSatisfy({ (65...90).contains($0) }) { return text }
        guard text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
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
            } else if let exact = plainCents(number) {
                cents = exact
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

    /// The cents of an amount written plainly with one or two decimals (`1234.5`, `-0.75`), which
    /// need no rounding: read without Decimal's parser. Nil for anything else (an exponent,
    /// more decimals, more than 13 whole digits), which Decimal reads.
    static func plainCents(_ number: String) -> Int? {
        var whole = 0, fraction = 0, wholeDigits = 0, fractionDigits = 0
        var negative = false, point = false, position = 0
        for byte in number.utf8 {
            defer { position += 1 }
            if byte == UInt8(ascii: "-"), position == 0 { negative = true; continue }
            if byte == UInt8(ascii: "."), !point, wholeDigits > 0 { point = true; continue }
            guard byte >= 48, byte <= 57 else { return nil }
            if point {
                fractionDigits += 1
                guard fractionDigits <= 2 else { return nil }
                fraction = fraction * 10 + Int(byte - 48)
            } else {
                wholeDigits += 1
                guard wholeDigits <= 13 else { return nil }
                whole = whole * 10 + Int(byte - 48)
            }
        }
        guard point, fractionDigits > 0 else { return nil }
        let cents = whole * 100 + (fractionDigits == 1 ? fraction * 10 : fraction)
        return negative ? -cents : cents
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
        guard let date = leadingDate(text) else { return .invalid(text) }
        return .date(date)
    }

    /// The `YYYY-MM-DD` a text starts with, when nothing or a time (`T`, `t` or a space) follows
    /// it and it is a day of the calendar: read from the bytes, with no copy of the text (an
    /// import reads two dates of every contract).
    static func leadingDate(_ text: String) -> CalendarDate? {
        var year = 0, month = 0, day = 0
        var position = 0
        for byte in text.utf8 {
            switch position {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { return nil }
            case 10:
                guard byte == UInt8(ascii: "T") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "t") else { return nil }
            default:
                guard byte >= 48, byte <= 57 else { return nil }
                let digit = Int(byte - 48)
                if position < 4 { year = year * 10 + digit } else if position < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
            }
            position += 1
            if position > 10 { break }
        }
        guard position >= 10 else { return nil }
        return CalendarDate(year: year, month: month, day: day)
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
        // Plain ASCII names (nearly all) need no Foundation folding: it only lower-cases them.
        let letters = text.utf8.allSatisfy { $0 < 0x80 } ? asciiSlugLetters(text) : foldedSlugLetters(text)
        // Without the dashes at either end, at most 60 characters, no dash at the end.
        var start = 0, end = letters.count
        while start < end, letters[start] == dash { start += 1 }
        while end > start, letters[end - 1] == dash { end -= 1 }
        end = min(end, start + 60)
        while end > start, letters[end - 1] == dash { end -= 1 }
        var result = String(decoding: letters[start..<end], as: UTF8.self)
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

    private static let dash = UInt8(ascii: "-")

    /// A name's digits and lower-case ASCII letters, every run of other characters one dash,
    /// after folding case and diacritics (`Peña` → `pena`).
    static func foldedSlugLetters(_ text: String) -> [UInt8] {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var letters: [UInt8] = []
        for scalar in folded.unicodeScalars {
            let keep = (48...57).contains(scalar.value) || (97...122).contains(scalar.value)
            if keep { letters.append(UInt8(scalar.value)) } else if letters.last != dash { letters.append(dash) }
        }
        return letters
    }

    /// The same for a name that is all ASCII, where folding is lower-casing: on bytes, without
    /// Foundation (slugging every lead and vendor of a large file was a tenth of its import).
    static func asciiSlugLetters(_ text: String) -> [UInt8] {
        var letters: [UInt8] = []
        letters.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            let lower = (65...90).contains(byte) ? byte + 32 : byte
            let keep = (48...57).contains(lower) || (97...122).contains(lower)
            if keep { letters.append(lower) } else if letters.last != dash { letters.append(dash) }
        }
        return letters
    }

    /// `text` without white space (and, with `newlines`, line breaks) at either end, exactly as
    /// Foundation's `trimmingCharacters(in:)` gives it, which is only called when an end is not
    /// a printable ASCII character: an import trims a few texts of every contract.
    static func trimmed(_ text: String, newlines: Bool) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        let printable = { (byte: UInt8) in byte > 0x20 && byte < 0x7F }
        if printable(first), printable(last) { return text }
        return text.trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
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
        return region(countryName: address?["countryName"]?.string, region: address?["region"]?.string)
    }

    static func region(countryName: String?, region: String?) -> RegionCode {
        let countryText = countryName.map { trimmed($0, newlines: false) } ?? ""
        let country = RegionCode(countryText).flatMap { $0.code.count == 2 ? $0 : nil }
            ?? countriesByName[countryText.lowercased()].flatMap(RegionCode.init)
        if let text = region.map({ trimmed($0, newlines: false) }), !text.isEmpty {
            if text.utf8.contains(dash), let code = RegionCode(text) { return code }
            if let country, text.utf8.count <= 3, let code = RegionCode("\(country.code)-\(text)"), country.code == "US" { return code }
        }
        return country ?? .unknown
    }
}

import CobuyCore
import Foundation
import Testing
@testable import CobuyDocs

/// The import's fast paths (bytes instead of Foundation, for speed) give exactly what the
/// Foundation calls they stand in for give.
@Suite struct ImportFastPathTests {
    /// ASCII strings of every kind of byte a name may hold: letters of both cases, digits,
    /// punctuation, spaces, control characters, dashes at either end, long runs.
    static func asciiSamples() -> [String] {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array(0..<128).map { UInt8($0) }
        var samples = ["", "-", "--a--", "  Acme  ", "ACME Corp.", "City of Salem", "a-b", "Z", "0", "---x",
                       String(repeating: "Ab-", count: 40), "\t\nCounty of Marion\u{7F}", "O'Brien & Sons, LLC"]
        for length in [1, 2, 3, 5, 8, 13, 30, 70] {
            for _ in 0..<200 {
                samples.append(String(decoding: (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 65 }, as: UTF8.self))
            }
        }
        return samples
    }

    @Test func anASCIINameSlugsAsFoundationFoldingWould() {
        for name in Self.asciiSamples() {
            #expect(OCDSImport.asciiSlugLetters(name) == OCDSImport.foldedSlugLetters(name), "\(name.debugDescription)")
        }
    }

    @Test func slugsOfKnownNames() {
        #expect(OCDSImport.slug("Peña Data Systems Ltd.") == "pena-data-systems-ltd")
        #expect(OCDSImport.slug("  --City of Salem--  ") == "city-of-salem")
        #expect(OCDSImport.slug(String(repeating: "abc-", count: 30)).count <= 60)
        #expect(!OCDSImport.slug(String(repeating: "abc-", count: 30)).hasSuffix("-"))
    }

    @Test func trimmingGivesWhatFoundationGives() {
        let samples = Self.asciiSamples() + ["\u{A0}US-OR\u{A0}", "\u{2003}any public body in US-TX\u{2028}", "US\u{85}", "é ", " é"]
        for text in samples {
            #expect(OCDSImport.trimmed(text, newlines: false) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(OCDSImport.trimmed(text, newlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
        }
    }

    @Test func aLeadingDateIsReadAsCalendarDateReadsIt() {
        let samples = ["2017-04-25T00:00:00+03:00", "2017-04-25", "2017-04-25 10:00", "2017-04-25t1", "2017-04-25Z", "2017-4-25",
                       "2026-02-30", "0000-01-01", "9999-12-31T23:59:59Z", "10000-01-01", "2017/04/25", "2017-04-2", "", "２０１７-04-25",
                       "2024-02-29", "2023-02-29", "-017-04-25", "2017-04-25\u{0}"]
        for text in samples {
            let bytes = Array(text.utf8)
            let separator = bytes.count > 10 ? bytes[10] : UInt8(ascii: "T")
            let expected = bytes.count >= 10 && [UInt8(ascii: "T"), UInt8(ascii: " "), UInt8(ascii: "t")].contains(separator)
                ? CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)) : nil
            #expect(OCDSImport.leadingDate(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func plainDecimalAmountsGiveTheCentsDecimalGives() {
        var samples = ["1.5", "-0.75", "0.01", "-0.0", "01.50", "1234567890123.99", "12345678901234.5", "1.234", "1e3", "1.", ".5",
                       "-1.05", "99999.9", "0.10", "7"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let whole = Int.random(in: 0...999_999_999, using: &generator)
            let digits = Int.random(in: 1...2, using: &generator)
            let fraction = Int.random(in: 0..<(digits == 1 ? 10 : 100), using: &generator)
            samples.append((Bool.random(using: &generator) ? "-" : "") + "\(whole)." + String(format: "%0\(digits)d", fraction))
        }
        for number in samples {
            guard let fast = OCDSImport.plainCents(number) else { continue }
            let decimal = Decimal(string: number) ?? 0
            let expected = (decimal * 100 as NSDecimalNumber).rounding(accordingToBehavior: nil).intValue
            #expect(fast == expected, "\(number)")
        }
        #expect(OCDSImport.plainCents("1.234") == nil)
        #expect(OCDSImport.plainCents("1e3") == nil)
        #expect(OCDSImport.plainCents("12345678901234.5") == nil)
    }

    @Test func currencyCodesAsPublished() throws {
        func currency(_ code: String) throws -> String? {
            OCDSImport.currency(try JSONFixture.node(#"{"currency": "\#(code)"}"#))
        }
        #expect(try currency("USD") == "USD")
        #expect(try currency("mdl") == "MDL")
        #expect(try currency("US") == nil)
        #expect(try currency("U$D") == nil)
        #expect(try currency("éa") == "ÉA")
    }
}

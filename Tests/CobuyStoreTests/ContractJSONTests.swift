import CobuyCore
import Foundation
import Testing
@testable import CobuyStore

/// The catalog's own contract writer must write exactly what `JSONEncoder` writes.
@Suite struct ContractJSONTests {
    func reference(_ contract: CooperativeContract) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(contract)
    }

    static var sampleContracts: [CooperativeContract] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/sample-store").path
        return Store(root: folder).loadLocal(.contract).records.compactMap { if case .contract(let value) = $0 { value } else { nil } }
    }

    @Test func everySampleContractIsWrittenByteForByteAsJSONEncoderWritesIt() throws {
        let contracts = Self.sampleContracts
        #expect(contracts.count >= 15)
        for contract in contracts {
            #expect(ContractJSON.encode(contract) == (try reference(contract)), "\(contract.id)")
        }
    }

    @Test func awkwardTextAndEveryOptionalFieldRoundTrip() throws {
        var contract = try #require(Self.sampleContracts.first)
        contract.title = "Quote \" backslash \\ slash / tab\t newline\n bell\u{07} nul\u{0} del\u{7F} é 東京 👨‍👩‍👧 \u{2028}"
        contract.leadName = "Lead\r\n"
        contract.vendorName = nil
        contract.ceiling = Money(amount: -5, currency: "EUR")
        contract.awardedValue = nil
        contract.closingReason = "Ended \u{1B}[31m"
        contract.period = nil
        contract.cooperativeClause = CooperativeClause(open: true, kinds: [.city, .schoolDistrict], regions: nil)
        contract.documents = [ContractDocument(title: "Master", url: "https://example.gov/a?b=c&d"), ContractDocument(title: "Pricing")]
        contract.renewalOptions = [RenewalOption(months: 12, exercised: true)]
        contract.history.append(HistoryEntry(sequence: 9, at: contract.history.last?.at ?? Timestamp(secondsSinceEpoch: 0), actor: "Zoë",
                                             party: "p", action: "note", from: nil, to: "active", note: "n\u{1}",
                                             details: ["z": "1", "a": "2", "é": "3", "B": "4"]))
        #expect(ContractJSON.encode(contract) == (try reference(contract)))
        #expect(try JSONDecoder().decode(CooperativeContract.self, from: ContractJSON.encode(contract)) == contract)
    }
}

import CobuyCore
import CobuyJSON

/// Reads back the contract fields of Cobuy's own OCDS extension (`Resources/ocds-extension`),
/// so that a contract keeps its renewal options, named participants and closing reason through
/// `cobuy export ocds` and `cobuy import ocds`. Values outside sane bounds are skipped and named:
/// they come from a file, and a renewal of 2^63 months would overflow the calendar later.
enum OCDSCobuyFields {
    /// More than fifty options, or an option longer than a hundred years, is no real contract.
    static let maximumRenewalOptions = 50
    static let maximumRenewalMonths = 1200

    /// `register` turns an organization reference into the id of the party it was registered as.
    static func read(_ contract: JSONNode, into record: inout CooperativeContract, at path: some CustomStringConvertible,
                     skipped: inout [OCDSImport.Skipped], register: (JSONNode) -> String?) {
        if let reason = OCDSImport.string(contract["statusDetails"]) { record.closingReason = reason }
        if let named = contract["namedParticipants"]?.objects {
            var ids: [String] = []
            for reference in named {
                if let id = register(reference), !ids.contains(id) { ids.append(id) }
            }
            record.namedParticipants = ids
        }
        if let options = contract["renewalOptions"]?.elements {
            guard options.count <= maximumRenewalOptions else {
                skipped.append(OCDSImport.Skipped(path: "\(path).renewalOptions",
                                                  reason: "\(options.count) renewal options, more than the limit of \(maximumRenewalOptions); none kept"))
                return
            }
            var kept: [RenewalOption] = []
            for (index, option) in options.enumerated() {
                guard let text = option["months"]?.numberText, let months = Int(text), (1...maximumRenewalMonths).contains(months) else {
                    skipped.append(OCDSImport.Skipped(path: "\(path).renewalOptions[\(index)].months",
                                                      reason: "not a whole number of months from 1 to \(maximumRenewalMonths); option not kept"))
                    continue
                }
                kept.append(RenewalOption(months: months, exercised: option["exercised"]?.bool ?? false))
            }
            record.renewalOptions = kept
        }
    }
}

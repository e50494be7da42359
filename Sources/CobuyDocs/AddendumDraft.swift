import CobuyCore
import CobuyStore

/// Everything an addendum draft says, gathered from the addendum, its contract and the parties:
/// the values the templates fill in. Text from records is cleaned of control characters here,
/// once, for every output format.
// The values are strings, numbers, booleans and arrays and dictionaries of them: plain values.
public struct AddendumDraft: @unchecked Sendable {
    public var values: [String: Any]
    public var id: String
    public var participantID: String
    public var isDraft: Bool

    public init(addendum: ParticipatingAddendum, lookup: any RecordLookup, today: CalendarDate) {
        let contract = lookup.contract(addendum.contract)
        let participant = lookup.party(addendum.party)
        let lead = contract.flatMap { lookup.party($0.leadParty) }
        let vendor = contract.flatMap { lookup.party($0.vendor) }
        let solicitation = contract?.source.solicitation.flatMap { lookup.solicitation($0) }
        let blank = "________________________"
        func clean(_ text: String?) -> String { DraftText.clean(text ?? "") }
        func contact(_ party: Party?, fallback: [Contact] = []) -> String {
            let contacts = fallback.isEmpty ? (party?.contacts ?? []) : fallback
            return clean(contacts.first?.summary ?? party?.signatory.map { "\($0.name), \($0.title)" } ?? "—")
        }
        func signature(_ value: AddendumSignature?) -> [String: String] {
            ["signer": clean(value?.signer).isEmpty ? blank : clean(value?.signer), "date": value?.date.description ?? "____________"]
        }

        id = addendum.id
        participantID = addendum.party
        isDraft = addendum.status != .executed
        let renewals = contract?.unusedRenewals ?? []
        // Mustache treats a present key as true, even an empty string: optional facts are left out.
        var contractValues: [String: Any] = [
            "id": addendum.contract,
            "title": clean(contract?.title ?? "—"),
            "start": contract?.period?.start.description ?? "the date it is signed",
            "end": contract?.period?.end.description ?? "the end of its term",
        ]
        if let number = solicitation?.solicitationNumber, !clean(number).isEmpty { contractValues["solicitationNumber"] = clean(number) }
        if let first = renewals.first {
            contractValues["renewals"] = "\(renewals.count) renewal option(s) of \(first.months) months remaining"
        }
        values = [
            "id": addendum.id,
            "status": addendum.status.rawValue,
            "revision": addendum.revision,
            "isDraft": isDraft,
            "generated": today.description,
            "participant": [
                "name": clean(participant?.name ?? addendum.party),
                "kindLabel": participant?.kind.label ?? "public body",
                "region": participant?.region.code ?? "",
                "contact": contact(participant, fallback: addendum.contacts),
            ],
            "lead": ["name": clean(contract?.leadName ?? lead?.name ?? contract?.leadParty ?? "—"), "contact": contact(lead)],
            "vendor": ["name": clean(contract?.vendorName ?? vendor?.name ?? contract?.vendor ?? "—"), "contact": contact(vendor)],
            "contract": contractValues,
            "scope": clean(addendum.scope).isEmpty ? "To be agreed." : clean(addendum.scope),
            "spend": addendum.estimatedAnnualSpend?.description ?? "not stated",
            "terms": addendum.localTerms.map { ["topic": clean($0.topic), "text": clean($0.text)] },
            "precedence": addendum.orderOfPrecedence.enumerated().map { ["number": $0.offset + 1, "text": clean($0.element)] as [String: Any] },
            "poInstructions": clean(addendum.purchaseOrderInstructions).isEmpty
                ? "Purchase orders are issued by the participating entity directly to the vendor and reference the master contract number."
                : clean(addendum.purchaseOrderInstructions),
            "effective": addendum.effectiveDate?.description ?? "the date of the later signature",
            "end": (addendum.endDate ?? contract?.period?.end)?.description ?? "the end of the master contract",
            "participantSignature": signature(addendum.participantSignature),
            "vendorSignature": signature(addendum.vendorSignature),
        ]
        // The participant's own quantities per requirement line, when it pledged them (`{{#lines}}`).
        if let lines = addendum.lines, !lines.isEmpty {
            values["lines"] = lines.map {
                ["number": $0.number, "text": clean($0.text), "quantity": $0.quantity, "unit": clean($0.unit)] as [String: Any]
            }
        }
    }

    /// `PA-2026-0002-city-of-portland.md`: only letters, digits, dots and hyphens.
    public func fileName(extension fileExtension: String) -> String {
        Self.fileName(addendum: id, participant: participantID, extension: fileExtension)
    }

    /// The same name before the draft is gathered (the UI proposes it in its export prompt).
    public static func fileName(addendum id: String, participant: String, extension fileExtension: String) -> String {
        FileNames.safe("\(id)-\(participant)") + "." + fileExtension
    }
}

/// Safe text for documents: no control characters, one line.
enum DraftText {
    static func clean(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: result.append(" ")
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: continue
            default: result.append(scalar)
            }
        }
        return String(result).trimmingSpaces
    }
}

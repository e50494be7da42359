import CobuyCore
import CobuyStore

/// Everything an addendum draft says, gathered from the addendum, its contract and the parties:
/// the values the templates fill in. Text from records is cleaned of control characters here,
/// once, for every output format. Dates are written out as the participant's country writes
/// them ("November 23, 2026" in the United States, "23 November 2026" elsewhere).
// The values are strings, numbers, booleans and arrays and dictionaries of them: plain values.
public struct AddendumDraft: @unchecked Sendable {
    public var values: [String: Any]
    public var id: String
    public var participantID: String
    public var isDraft: Bool
    /// The day the draft was written (the Word document's creation date).
    public var generated: CalendarDate

    /// A line to write a signature, a name or a date on.
    static let blank = "________________________"

    public init(addendum: ParticipatingAddendum, lookup: any RecordLookup, today: CalendarDate) {
        let contract = lookup.contract(addendum.contract)
        let participant = lookup.party(addendum.party)
        let lead = contract.flatMap { lookup.party($0.leadParty) }
        let vendor = contract.flatMap { lookup.party($0.vendor) }
        let solicitation = contract?.source.solicitation.flatMap { lookup.solicitation($0) }
        let style = WrittenDate.Style(country: participant?.region.country)
        func clean(_ text: String?) -> String { DraftText.clean(text ?? "") }
        func written(_ date: CalendarDate) -> String { WrittenDate.text(date, style: style) }
        func contact(_ party: Party?, fallback: [Contact] = []) -> String {
            let contacts = fallback.isEmpty ? (party?.contacts ?? []) : fallback
            return clean(contacts.first?.summary ?? party?.signatory.map { "\($0.name), \($0.title)" } ?? "—")
        }

        id = addendum.id
        participantID = addendum.party
        isDraft = addendum.status != .executed
        generated = today
        let renewals = contract?.unusedRenewals ?? []
        // Mustache treats a present key as true, even an empty string: optional facts are left out.
        var contractValues: [String: Any] = [
            "id": addendum.contract,
            "title": clean(contract?.title ?? "—"),
            "start": contract?.period.map { written($0.start) } ?? "the date it is signed",
            "end": contract?.period.map { written($0.end) } ?? "the end of its term",
        ]
        if let number = solicitation?.solicitationNumber, !clean(number).isEmpty { contractValues["solicitationNumber"] = clean(number) }
        if let first = renewals.first {
            contractValues["renewals"] = renewals.count == 1 ? "one renewal option of \(first.months.counted("month")) remaining"
                : "\(renewals.count) renewal options remaining (\(renewals.map { $0.months.counted("month") }.joined(separator: ", ")))"
        }
        let participantName = clean(participant?.name ?? addendum.party)
        let vendorName = clean(contract?.vendorName ?? vendor?.name ?? contract?.vendor ?? "—")
        var values: [String: Any] = [
            "id": addendum.id,
            "status": addendum.status.rawValue,
            "revision": addendum.revision,
            "isDraft": isDraft,
            "generated": written(today),
            "participant": [
                "name": participantName,
                "kindLabel": participant?.kind.label ?? "public body",
                "region": participant?.region.code ?? "",
                "contact": contact(participant, fallback: addendum.contacts),
            ],
            "lead": ["name": clean(contract?.leadName ?? lead?.name ?? contract?.leadParty ?? "—"), "contact": contact(lead)],
            "vendor": ["name": vendorName, "contact": contact(vendor)],
            "contract": contractValues,
            "scope": clean(addendum.scope).isEmpty ? "To be agreed." : clean(addendum.scope),
            "spend": addendum.estimatedAnnualSpend?.description ?? "not stated",
            "terms": addendum.localTerms.map { ["topic": clean($0.topic), "text": clean($0.text)] },
            "precedence": addendum.orderOfPrecedence.enumerated().map { ["number": $0.offset + 1, "text": clean($0.element)] as [String: Any] },
            "poInstructions": clean(addendum.purchaseOrderInstructions).isEmpty
                ? "Purchase orders are issued by the participating entity directly to the vendor and reference the master contract number."
                : clean(addendum.purchaseOrderInstructions),
            "effective": addendum.effectiveDate.map(written) ?? "the date of the later signature",
            "end": (addendum.endDate ?? contract?.period?.end).map(written) ?? "the end of the master contract",
            "participantSignature": AddendumDraft.signatureBlock(addendum.participantSignature, signatory: participant?.signatory,
                                                                 style: style),
            "vendorSignature": AddendumDraft.signatureBlock(addendum.vendorSignature, signatory: vendor?.signatory, style: style),
            "counselSignature": AddendumDraft.signatureBlock(nil, signatory: nil, style: style),
        ]
        let lines = ScopeLines.lines(addendum: addendum, solicitation: solicitation)
        if !lines.isEmpty {
            values["hasScopeLines"] = true
            values["scopeLines"] = lines.map { line -> [String: Any] in
                ["number": line.number, "text": clean(line.text), "unit": clean(line.unit), "pooled": line.pooled.map(\.grouped) ?? "—",
                 "quantity": line.quantity.map(\.grouped) ?? "not stated"]
            }
        }
        // The participant's own quantities per requirement line, when it pledged them (`{{#lines}}`).
        if let lines = addendum.lines, !lines.isEmpty {
            values["lines"] = lines.map {
                ["number": $0.number, "text": clean($0.text), "quantity": $0.quantity, "unit": clean($0.unit)] as [String: Any]
            }
        }
        self.values = values
    }

    /// Signature, printed name, title and date: the signature as a conformed copy ("/s/ Name")
    /// once signed; the printed name and title from the signature, else the party's signatory,
    /// else lines to fill in.
    static func signatureBlock(_ signature: AddendumSignature?, signatory: Signatory?, style: WrittenDate.Style) -> [String: String] {
        var name = DraftText.clean(signatory?.name ?? "")
        var title = DraftText.clean(signatory?.title ?? "")
        if let signature {
            let signer = DraftText.clean(signature.signer)
            // "Lisa Brown, Mayor": the name, then the title when the signer wrote one.
            if let comma = signer.range(of: ", ") {
                name = String(signer[..<comma.lowerBound])
                title = String(signer[comma.upperBound...])
            } else if !signer.isEmpty {
                name = signer
                if signatory.map({ DraftText.clean($0.name) }) != signer { title = "" }
            }
        }
        return [
            "signature": signature.map { "/s/ " + (name.isEmpty ? DraftText.clean($0.signer) : name) } ?? blank,
            "printedName": name.isEmpty ? blank : name,
            "title": title.isEmpty ? blank : title,
            "date": signature.map { WrittenDate.text($0.date, style: style) } ?? blank,
        ]
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

/// The requirement lines in an addendum's scope, with what the participant takes of each and
/// what all the partners pooled.
enum ScopeLines {
    struct Line: Equatable {
        var number: Int
        var text: String
        var unit: String
        /// All partners together (the quantity solicited), when the solicitation is known.
        var pooled: Int?
        /// This participant's, when the records say it.
        var quantity: Int?
    }

    /// The addendum's own lines (the participant's pledges, copied when it was drafted) first;
    /// else the solicitation's lines with the partner's pledge on each, or its one pooled
    /// quantity on a single-line solicitation. Nothing is invented: a line without a stated
    /// quantity says "not stated".
    static func lines(addendum: ParticipatingAddendum, solicitation: JointSolicitation?) -> [Line] {
        let solicited = Dictionary((solicitation?.lines ?? []).map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        if let own = addendum.lines, !own.isEmpty {
            return own.map { line in
                Line(number: line.number, text: line.text, unit: line.unit, pooled: solicited[line.number]?.tenderQuantity, quantity: line.quantity)
            }
        }
        guard let solicitation else { return [] }
        let partner = solicitation.partners.first { $0.party == addendum.party && $0.status != .withdrawn }
        let single = solicitation.lines.count == 1
        return solicitation.lines.map { line in
            Line(number: line.number, text: line.text, unit: line.unit, pooled: line.tenderQuantity,
                 quantity: partner?.pledged(onLine: line.number) ?? (single ? partner?.quantity : nil))
        }
    }
}

/// Dates as a lawyer writes them, never ISO.
public enum WrittenDate {
    public enum Style: Sendable {
        /// November 23, 2026
        case monthFirst
        /// 23 November 2026
        case dayFirst

        /// The United States writes the month first; most of the world the day.
        init(country: String?) {
            self = country == "US" ? .monthFirst : .dayFirst
        }
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                         "November", "December"]

    public static func text(_ date: CalendarDate, style: Style) -> String {
        let month = months[max(0, min(11, date.month - 1))]
        switch style {
        case .monthFirst: return "\(month) \(date.day), \(date.year)"
        case .dayFirst: return "\(date.day) \(month) \(date.year)"
        }
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

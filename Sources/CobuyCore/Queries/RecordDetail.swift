/// A record laid out for reading: a headline, then titled sections of lines. The command
/// line prints it; the UI draws it in its detail pane. Both read the same words.
public struct RecordDetail: Sendable, Hashable {
    public struct Section: Sendable, Hashable {
        public var title: String
        public var lines: [String]

        public init(_ title: String, _ lines: [String]) {
            self.title = title
            self.lines = lines
        }
    }

    public var headline: String
    public var sections: [Section]

    public init(_ record: AnyRecord, today: CalendarDate, lookup: any RecordLookup) {
        func name(_ id: String?) -> String {
            guard let id else { return "none" }
            guard let party = lookup.party(id) else { return id }
            return "\(party.name) (\(id))"
        }
        var sections: [Section] = []
        switch record {
        case .party(let party):
            headline = "\(party.id)  \(party.name)"
            var facts = ["Kind: \(party.kind.label)", "Region: \(party.region)"]
            if let population = party.population { facts.append("Population: \(population)") }
            if let signatory = party.signatory { facts.append("Signatory: \(signatory.name), \(signatory.title)") }
            sections.append(Section("Party", facts))
            if !party.contacts.isEmpty { sections.append(Section("Contacts", party.contacts.map(\.summary))) }
            if !party.statutoryTerms.isEmpty {
                sections.append(Section("Statutory terms", party.statutoryTerms.map { "\($0.topic): \($0.text)" }))
            }

        case .solicitation(let solicitation):
            headline = "\(solicitation.id)  \(solicitation.title)  [\(solicitation.status.rawValue)]"
            var facts = ["Lead: \(name(solicitation.leadParty))"]
            if !solicitation.category.isEmpty { facts.append("Category: \(solicitation.category)") }
            if !solicitation.description.isEmpty { facts.append("Description: \(solicitation.description)") }
            if let number = solicitation.solicitationNumber { facts.append("Solicitation number: \(number)") }
            if let closing = solicitation.closingDate { facts.append("Closing date: \(closing)") }
            facts.append("Minimum proposals: \(solicitation.minimumProposals)")
            facts.append("Cooperative clause: \(solicitation.cooperativeClause?.summary ?? "not decided")")
            if let reason = solicitation.closingReason { facts.append("Reason: \(reason)") }
            sections.append(Section("Solicitation", facts))
            let shares = Dictionary((solicitation.costShares(lookup: lookup) ?? []).map { ($0.party, $0) }, uniquingKeysWith: { a, _ in a })
            sections.append(Section("Partners", solicitation.partners.map { partner in
                var line = "\(name(partner.party)): \(partner.status.rawValue)"
                if partner.party == solicitation.leadParty { line += ", lead" }
                if let quantity = partner.quantity { line += ", quantity \(quantity)" }
                if let spend = partner.estimatedSpend { line += ", spend \(spend)" }
                if let signer = partner.signer, let date = partner.signedOn { line += ", signed by \(signer) on \(date)" }
                if let reason = partner.withdrawalReason { line += ", withdrew: \(reason)" }
                if let share = shares[partner.party] { line += ", cost share \(share.amount)" }
                return line
            }))
            if let sharing = solicitation.costSharing {
                sections.append(Section("Cost sharing", ["\(sharing.total) shared by \(sharing.method.rawValue)"]))
            }
            if !solicitation.lines.isEmpty {
                sections.append(Section("Requirement lines", solicitation.lines.map { line in
                    guard let total = line.pooledTotal else { return "\(line.number). \(line.text): \(line.quantity) \(line.unit)" }
                    return "\(line.number). \(line.text): \(total) \(line.unit) pooled (estimated \(line.quantity))"
                }))
            }
            if solicitation.hasLinePledges {
                sections.append(Section("Pooled requirements", RecordDetail.pooledTable(solicitation, name: name)))
            }
            if !solicitation.criteria.isEmpty {
                sections.append(Section("Evaluation criteria (total \(solicitation.criteriaWeightTotal))",
                                        solicitation.criteria.map { "\($0.name): \($0.weight)%" }))
            }
            if !solicitation.proposals.isEmpty {
                sections.append(Section("Proposals", solicitation.proposals.map { proposal in
                    var line = "\(proposal.id) \(name(proposal.vendor)): \(proposal.price), received \(proposal.receivedOn)"
                    if !proposal.scores.isEmpty {
                        line += ", scores " + proposal.scores.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                    }
                    if let score = solicitation.weightedScore(of: proposal) { line += ", weighted \(SolicitationMachine.formatScore(score))" }
                    if !proposal.responsive { line += ", rejected: \(proposal.rejectionReason ?? "")" }
                    return line
                }))
            }
            if !solicitation.awards.isEmpty {
                sections.append(Section("Awards", solicitation.awards.map { award in
                    "\(award.proposal) to \(name(award.vendor)) for \(award.value) on \(award.date) → \(award.contract)"
                        + (award.reason.map { " (reason: \($0))" } ?? "")
                }))
            }

        case .contract(let contract):
            headline = "\(contract.id)  \(contract.title)  [\(contract.displayStatus(today: today))]"
            var facts = ["Lead: \(contract.leadName.map { "\($0) (\(contract.leadParty))" } ?? name(contract.leadParty))",
                         "Vendor: \(contract.vendorName.map { "\($0) (\(contract.vendor))" } ?? name(contract.vendor))",
                         "Source: \(contract.source.summary)"]
            if !contract.category.isEmpty { facts.append("Category: \(contract.category)") }
            if !contract.description.isEmpty { facts.append("Description: \(contract.description)") }
            if let period = contract.period {
                let days = today.days(until: period.end)
                facts.append("Term: \(period.start) to \(period.end)" + (days >= 0 ? " (\(days.counted("day")) left)" : " (ended)"))
            } else if let end = contract.termEnd {
                let days = today.days(until: end)
                facts.append("Term: start not published, ends \(end)" + (days >= 0 ? " (\(days.counted("day")) left)" : " (ended)"))
            } else {
                facts.append("Term: not signed yet")
            }
            if !contract.renewalOptions.isEmpty {
                facts.append("Renewal options: \(contract.unusedRenewals.count) of \(contract.renewalOptions.count) left"
                             + (contract.renewalOptions.first.map { ", \($0.months) months each" } ?? ""))
            }
            if let value = contract.awardedValue { facts.append("Awarded value: \(value)") }
            if let ceiling = contract.ceiling { facts.append("Ceiling: \(ceiling)") }
            let clause = contract.cooperativeClause
            facts.append("Cooperative use: " + (clause.isStated ? clause.summary + (clause.statedBy.map { " (stated by \($0))" } ?? "")
                                                    : CooperativeClause.notStatedAdvice))
            if let suppliers = contract.source.suppliers { facts.append("Suppliers: \(suppliers.joined(separator: "; "))") }
            for warning in contract.source.warnings ?? [] { facts.append("Import note: \(warning)") }
            if !contract.namedParticipants.isEmpty { facts.append("Named participants: \(contract.namedParticipants.joined(separator: ", "))") }
            facts.append("Award: \(contract.singleAward ? "single" : "multiple")")
            if let reason = contract.closingReason { facts.append("Reason: \(reason)") }
            sections.append(Section("Contract", facts))
            if !contract.documents.isEmpty {
                sections.append(Section("Documents", contract.documents.map { "\($0.title)" + ($0.url.map { " <\($0)>" } ?? "") }))
            }
            let addenda = lookup.addenda(onContract: contract.id)
            if !addenda.isEmpty {
                sections.append(Section("Addenda", addenda.map { "\($0.id) \(name($0.party)): \($0.status.rawValue)" }))
            }

        case .addendum(let addendum):
            let contract = lookup.contract(addendum.contract)
            headline = "\(addendum.id)  \(name(addendum.party)) on \(addendum.contract)  [\(addendum.status.rawValue)]"
            var facts = ["Contract: \(addendum.contract)" + (contract.map { " — \($0.title)" } ?? ""),
                         "Participant: \(name(addendum.party))"]
            if let contract {
                facts.append("Lead: \(contract.leadName ?? name(contract.leadParty))")
                facts.append("Vendor: \(contract.vendorName ?? name(contract.vendor))")
            }
            facts.append("Scope: \(addendum.scope.isEmpty ? "not set" : addendum.scope)")
            facts.append("Estimated annual spend: \(addendum.estimatedAnnualSpend?.description ?? "not set")")
            facts.append("Effective: \(addendum.effectiveDate?.description ?? "on execution")")
            facts.append("Ends: \(addendum.endDate?.description ?? contract?.endDate?.description ?? "with the contract")")
            if !addendum.purchaseOrderInstructions.isEmpty { facts.append("Purchase orders: \(addendum.purchaseOrderInstructions)") }
            if let reason = addendum.lastReason { facts.append("Last reason: \(reason)") }
            sections.append(Section("Addendum", facts))
            sections.append(Section("Contacts", addendum.contacts.isEmpty ? ["none"] : addendum.contacts.map(\.summary)))
            sections.append(Section("Local terms", addendum.localTerms.isEmpty ? ["none"] : addendum.localTerms.map { "\($0.topic): \($0.text)" }))
            sections.append(Section("Order of precedence", addendum.orderOfPrecedence.enumerated().map { "\($0.offset + 1). \($0.element)" }))
            sections.append(Section("Signatures", [
                "Participant: " + (addendum.participantSignature.map { "\($0.signer), \($0.date)" } ?? "not signed"),
                "Vendor: " + (addendum.vendorSignature.map { "\($0.signer), \($0.date)" } ?? "not signed"),
            ]))
        }
        sections.append(Section("History", record.record.history.map(RecordDetail.historyLine)))
        // A record a sync left in conflict says so first, with each member's version.
        if let conflict = record.record.conflict {
            sections.insert(Section("Needs a decision (resolve)", RecordDetail.conflictLines(conflict, history: record.record.history)), at: 0)
        }
        self.sections = sections
    }

    /// Each undecided field with every member's version, who wrote it and when; each action a
    /// merge could not apply, with why.
    public static func conflictLines(_ conflict: RecordConflict, history: [HistoryEntry]) -> [String] {
        var lines: [String] = []
        for field in conflict.fields {
            lines.append("\(field.field): kept for now \(field.provisional)")
            for version in field.versions {
                lines.append("  \(version.value)  by \(version.actor) for \(version.party), \(version.at)  (event \(version.event))")
            }
        }
        for entry in history where conflict.refusedEvents.contains(entry.eventID) {
            lines.append("not applied: \(entry.action) by \(entry.actor) for \(entry.party), \(entry.at): \(entry.refused ?? "")")
        }
        return lines
    }

    /// `3  2026-11-23T10:00:00Z  Ana Ruiz for city-of-salem  circulate  draft → forming  (note)`
    public static func historyLine(_ entry: HistoryEntry) -> String {
        var line = "\(entry.sequence)  \(entry.at)  \(entry.actor) for \(entry.party)  \(entry.action)  \(entry.from ?? "new") → \(entry.to)"
        let details = entry.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        if !details.isEmpty { line += "  " + details.joined(separator: " ") }
        if let note = entry.note { line += "  — \(note)" }
        if let refused = entry.refused { line += "  [not applied: \(refused)]" }
        return line
    }

    /// Plain text: the headline, then each section indented.
    public var lines: [String] {
        var lines = [headline]
        for section in sections {
            lines.append("")
            lines.append("\(section.title):")
            lines += section.lines.map { "  \($0)" }
        }
        return lines
    }
}

extension RecordDetail {
    /// Lines × partners: each line with its total in its unit, then each partner still in the
    /// cooperative with its quantity and its share of the line's total.
    static func pooledTable(_ solicitation: JointSolicitation, name: (String?) -> String) -> [String] {
        var rows: [String] = []
        for line in solicitation.lines {
            let total = line.pooledTotal ?? 0
            rows.append("\(line.number). \(line.text): \(total) \(line.unit) in all")
            for partner in solicitation.activePartners {
                guard let pledged = partner.pledged(onLine: line.number) else { continue }
                rows.append("   \(name(partner.party)): \(pledged) \(line.unit), \(percent(pledged, of: total)) of the line")
            }
        }
        return rows
    }

    /// `19.2%`, rounded to a tenth, in integers.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "0%" }
        let tenths = Int((Double(part) * 1000 / Double(whole)).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

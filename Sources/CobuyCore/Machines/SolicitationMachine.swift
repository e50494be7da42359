/// The joint solicitation's state machine.
public enum SolicitationMachine: StateMachine {
    public typealias Subject = JointSolicitation
    public typealias Name = SolicitationActionName
    public typealias Action = SolicitationAction
    typealias Status = JointSolicitation.Status

    public static func parse(_ name: Name, _ arguments: ActionArguments, currency: String) throws(ActionInputError) -> SolicitationAction {
        try SolicitationAction.parse(name, arguments, currency: currency)
    }

    /// The states each action may start from.
    static func allowedStates(_ name: Name) -> [Status] {
        switch name {
        // A line's words and quantity are the draft's; once circulated, partners pledge against them.
        case .addLine, .designateLead, .circulate, .editLine: return [.draft]
        case .invite, .withdrawInvitation: return [.draft, .forming]
        case .join, .signAgreement, .withdraw, .form: return [.forming]
        case .setCostSharing: return [.draft, .forming, .formed]
        case .setTender, .addCriterion, .setCooperative, .publish: return [.formed]
        case .recordProposal, .close: return [.soliciting]
        case .score, .rejectProposal, .award: return [.evaluating]
        case .complete: return [.awarded]
        case .cancel: return Status.allCases.filter(\.isOpen)
        case .declareUnsuccessful: return [.soliciting, .evaluating]
        // Quantities and lines change until the cooperative is formed; then they are the tender's.
        case .pledge, .removeLine: return [.draft, .forming]
        }
    }

    /// Who may act: partners act for themselves; everything else belongs to the lead, or, in a
    /// draft that has no lead yet, to any partner.
    static func roleRefusal(_ name: Name, _ record: JointSolicitation, _ context: ActionContext) -> Refusal? {
        let verb = name.rawValue.replacingAll("-", with: " ")
        switch name {
        case .join:
            let party = context.officer.party
            // Each refusal names where the party stands, so none advises a step already taken.
            switch record.partner(party)?.status {
            case .invited?:
                return nil
            case .joined?:
                return Refusal("invited", "\(party) has already joined the cooperative.",
                               remedy: "Its next step is to sign the agreement (sign-agreement --party \(party)).")
            case .signed?:
                return Refusal("invited", "\(party) has already joined and signed the cooperative agreement.")
            case .withdrawn?:
                return Refusal("invited", "\(party) withdrew from this solicitation.",
                               remedy: "The lead may invite it again (invite --party \(party)).")
            case nil:
                return Refusal("invited", "\(party) is not invited to this solicitation.",
                               remedy: "The lead must invite it first (invite --party \(party)).")
            }
        case .signAgreement:
            let party = context.officer.party
            switch record.partner(party)?.status {
            case .joined?:
                return nil
            case .invited?:
                return Refusal("joined", "\(party) has not joined the cooperative yet.", remedy: "Join first (join --party \(party)).")
            case .signed?:
                return Refusal("joined", "\(party) has already signed the cooperative agreement.")
            case .withdrawn?:
                return Refusal("joined", "\(party) withdrew from this solicitation.",
                               remedy: "The lead may invite it again (invite --party \(party)), then it joins and signs.")
            case nil:
                return Refusal("joined", "\(party) is not a partner of this solicitation.",
                               remedy: "The lead must invite it first (invite --party \(party)).")
            }
        case .withdraw:
            let isPartner = record.partner(context.officer.party).map { $0.status != .withdrawn } ?? false
            guard isPartner || context.officer.party == record.leadParty else {
                return Refusal("role", "Only a partner (for itself) or the lead may withdraw a partner; \(context.officer.party) is neither.",
                               remedy: record.leadParty.map { "Act with --for \($0) or for the partner itself." } ?? "")
            }
            return nil
        case .pledge:
            let party = context.officer.party
            switch record.partner(party)?.status {
            case .joined?, .signed?:
                return nil
            case .invited?:
                return Refusal("joined", "\(party) has not joined yet; only partners that have joined state quantities.",
                               remedy: "Join first (join --party \(party)), with its quantities.")
            case .withdrawn?:
                return Refusal("joined", "\(party) withdrew from this solicitation; only partners that have joined state quantities.",
                               remedy: "The lead may invite it again (invite --party \(party)).")
            case nil:
                return Refusal("joined", "\(party) is not a partner of this solicitation; only partners that have joined state quantities.",
                               remedy: "The lead must invite it first (invite --party \(party)).")
            }
        case .addLine, .invite, .designateLead, .circulate, .form, .setCostSharing, .setTender, .addCriterion, .setCooperative,
             .publish, .recordProposal, .close, .score, .rejectProposal, .award, .complete, .cancel, .declareUnsuccessful, .removeLine,
             .editLine, .withdrawInvitation:
            if record.leadParty == nil, record.status == .draft {
                let isPartner = record.activePartners.contains { $0.party == context.officer.party }
                return isPartner ? nil : Refusal("role", "Only a partner may \(verb) this draft; \(context.officer.party) is not one.")
            }
            return context.requireActingFor(record.leadParty, role: "lead party", action: verb)
        }
    }

    public static func precheck(_ name: Name, on record: JointSolicitation, in context: ActionContext) -> Refusal? {
        let allowed = allowedStates(name)
        guard allowed.contains(record.status) else {
            return .wrongState(name.rawValue, status: record.status.rawValue, allowed: allowed.map(\.rawValue))
        }
        if let refusal = roleRefusal(name, record, context) { return refusal }
        let today = context.today
        switch name {
        case .circulate:
            guard record.leadParty != nil else {
                return Refusal("lead-designated", "No lead party is designated.", remedy: "Designate one with designate-lead --party P.")
            }
            guard !record.lines.isEmpty else {
                return Refusal("requirement-lines", "The solicitation has no requirement lines.", remedy: "Add one with add-line.")
            }
        case .form:
            if let lead = record.leadParty, record.partner(lead)?.status != .signed {
                return Refusal("lead-signed", "The lead party \(lead) has not signed the cooperative agreement.",
                               remedy: "The lead signs with sign-agreement --party \(lead) --signer NAME.")
            }
            let unsigned = record.activePartners.filter { $0.status != .signed }
            guard unsigned.isEmpty else {
                // A partner still invited has a step before signing: say so rather than "sign".
                let invited = unsigned.filter { $0.status == .invited }.map(\.party)
                let joined = unsigned.filter { $0.status != .invited }.map(\.party)
                var steps: [String] = []
                if !invited.isEmpty { steps.append("\(invited.joined(separator: ", ")) must join and then sign (join, sign-agreement)") }
                if !joined.isEmpty { steps.append("\(joined.joined(separator: ", ")) must sign (sign-agreement)") }
                return Refusal("partners-signed", "Not every partner has signed the agreement: \(unsigned.map(\.party).joined(separator: ", ")).",
                               remedy: steps.joined(separator: "; ") + "; or the lead withdraws them.")
            }
        case .publish:
            guard let number = record.solicitationNumber, !number.isEmpty, let closing = record.closingDate else {
                return Refusal("tender-set", "The solicitation number and closing date are not set.",
                               remedy: "Set them with set-tender --number N --date YYYY-MM-DD.")
            }
            guard closing > today else {
                return Refusal("closing-after-today", "The closing date \(closing) is not after today (\(today)).",
                               remedy: "Move it with set-tender.")
            }
            guard record.criteriaWeightTotal == 100 else {
                // Criteria are only ever added: above 100, adding more cannot help.
                return Refusal("weights-100", "The evaluation criteria weights total \(record.criteriaWeightTotal), not 100.",
                               remedy: record.criteriaWeightTotal < 100 ? "Add criteria with add-criterion until they total 100."
                                   : "Criteria cannot be removed: cancel the solicitation and start again (cancel --reason R).")
            }
            guard record.cooperativeClause != nil else {
                return Refusal("cooperative-decided", "The cooperative clause is not decided.",
                               remedy: "Decide with set-cooperative --kinds K --regions R, or --none.")
            }
        case .recordProposal:
            if let closing = record.closingDate, today > closing {
                return Refusal("before-closing", "The closing date \(closing) has passed; no more proposals can be received.",
                               remedy: "Close the solicitation instead.")
            }
        case .close:
            if let closing = record.closingDate, today <= closing {
                return Refusal("closing-passed", "The closing date \(closing) has not passed (today is \(today)).",
                               remedy: "Wait until \(closing.adding(days: 1)).")
            }
            guard record.proposals.count >= record.minimumProposals else {
                return Refusal("minimum-proposals", "Only \(record.proposals.count.counted("proposal")) received; at least \(record.minimumProposals) needed.",
                               remedy: "Declare it unsuccessful with declare-unsuccessful --reason R.")
            }
        case .award:
            guard record.proposals.contains(where: \.responsive) else {
                return Refusal("responsive-proposal", "No responsive proposal remains to award.",
                               remedy: "Declare it unsuccessful with declare-unsuccessful --reason R.")
            }
        case .complete:
            let inactive = record.awards.map(\.contract).filter { context.lookup.contract($0)?.status != .active }
            guard inactive.isEmpty else {
                // Only a pending contract can still be signed; a closed one never becomes active.
                let pending = inactive.filter { context.lookup.contract($0)?.status == .pending }
                let remedy = pending.count == inactive.count
                    ? "The lead signs each with cobuy do \(pending[0]) sign --date D --end E."
                    : "\(inactive.filter { !pending.contains($0) }.joined(separator: ", ")) cannot become active; cancel the solicitation instead (cancel --reason R)."
                return Refusal("contracts-active", "Not every contract from this solicitation is active: \(inactive.joined(separator: ", ")).",
                               remedy: remedy)
            }
        case .addLine, .invite, .designateLead, .join, .signAgreement, .withdraw, .setCostSharing, .setTender, .addCriterion,
             .setCooperative, .score, .rejectProposal, .cancel, .declareUnsuccessful, .pledge:
            break
        case .removeLine, .editLine:
            guard !record.lines.isEmpty else {
                return Refusal("line-known", "The solicitation has no requirement lines.", remedy: "Add one with add-line.")
            }
        case .withdrawInvitation:
            guard record.partners.contains(where: { $0.status == .invited }) else {
                return Refusal("invitation-open", "No invitation is waiting for an answer.",
                               remedy: "A partner that has joined leaves with withdraw --party P --reason R.")
            }
        }
        return nil
    }

    public static func apply(_ action: SolicitationAction, to record: JointSolicitation,
                             in context: ActionContext) -> Result<Outcome<JointSolicitation>, Refusal> {
        if let refusal = precheck(action.actionName, on: record, in: context) { return .failure(refusal) }
        var next = record
        var created: [AnyRecord] = []
        var ids = context.ids
        let today = context.today

        switch action {
        case let .addLine(text, quantity, unit):
            guard !text.trimmingSpaces.isEmpty else { return .failure(.emptyText("text", "line text")) }
            guard quantity > 0 else {
                return .failure(Refusal("quantity-positive", "The quantity must be more than 0; it is \(quantity)."))
            }
            guard !unit.trimmingSpaces.isEmpty else { return .failure(.emptyText("unit", "unit of measure")) }
            next.lines.append(RequirementLine(number: (record.lines.map(\.number).max() ?? 0) + 1,
                                              text: text.trimmingSpaces, quantity: quantity, unit: unit.trimmingSpaces))

        case let .invite(party):
            guard let invitee = context.lookup.party(party) else {
                return .failure(.unknownParty(party, lookup: context.lookup))
            }
            guard invitee.kind.isPublicBody else {
                return .failure(Refusal("public-body", "\(party) is a \(invitee.kind.label), not a public body."))
            }
            if let existing = record.partner(party), existing.status != .withdrawn {
                return .failure(Refusal("not-partner", "\(party) is already a partner (\(existing.status.rawValue))."))
            }
            next.partners.removeAll { $0.party == party }
            next.partners.append(Partner(party: party, status: .invited))

        case let .designateLead(party):
            guard let partner = record.partner(party), partner.status != .withdrawn else {
                return .failure(Refusal("lead-is-partner", "\(party) is not a partner of this solicitation.",
                                        remedy: "Invite it first with invite --party \(party)."))
            }
            next.leadParty = party
            if partner.status == .invited, let index = next.partners.firstIndex(where: { $0.party == party }) {
                next.partners[index].status = .joined
            }

        case .circulate:
            next.status = .forming

        case let .join(party, quantity, lines, spend):
            guard party == context.officer.party else {
                return .failure(Refusal("role", "A partner joins only for itself; you act for \(context.officer.party), not \(party).",
                                        remedy: "Act with --for \(party)."))
            }
            if let quantity, quantity <= 0 {
                return .failure(Refusal("quantity-positive", "The pooled quantity must be more than 0; it is \(quantity)."))
            }
            if let lines, let refusal = pledgeRefusal(lines, on: record) { return .failure(refusal) }
            guard let index = next.partners.firstIndex(where: { $0.party == party }) else {
                return .failure(Refusal("invited", "\(party) is not invited."))
            }
            next.partners[index].status = .joined
            next.partners[index].quantity = quantity
            next.partners[index].quantities = lines.flatMap { merged(nil, $0) }
            next.partners[index].estimatedSpend = spend
            next.recomputePooledTotals()

        case let .pledge(party, lines, spend):
            guard party == context.officer.party else {
                return .failure(Refusal("role", "A partner states quantities only for itself; you act for \(context.officer.party), not \(party).",
                                        remedy: "Act with --for \(party)."))
            }
            guard !lines.isEmpty || spend != nil else {
                return .failure(Refusal("something-to-pledge", "Nothing to change.",
                                        remedy: "Give --quantity LINE=N for each line, --spend AMOUNT, or both."))
            }
            if let refusal = pledgeRefusal(lines, on: record) { return .failure(refusal) }
            if let spend, spend.amount <= 0 {
                return .failure(Refusal("spend-positive", "The estimated spend must be more than 0."))
            }
            guard let index = next.partners.firstIndex(where: { $0.party == party }) else {
                return .failure(Refusal("joined", "\(party) is not a partner."))
            }
            if !lines.isEmpty {
                next.partners[index].quantities = merged(record.partners[index].quantities, lines)
                // Quantities per line replace the single number stated before.
                next.partners[index].quantity = nil
            }
            if let spend { next.partners[index].estimatedSpend = spend }
            next.recomputePooledTotals()

        case let .removeLine(number):
            guard let line = record.lines.first(where: { $0.number == number }) else {
                return .failure(Refusal("line-known", "There is no requirement line \(number).",
                                        remedy: "Use one of: \(record.lines.map { String($0.number) }.joined(separator: ", ")).".trimmingSpaces))
            }
            if record.status == .forming, record.lines.count == 1 {
                return .failure(Refusal("lines-left", "Line \(number) is the only requirement line of a circulated solicitation.",
                                        remedy: "Cancel the solicitation instead, or add the new line before removing this one."))
            }
            next.lines.removeAll { $0.number == number }
            var dropped: [String] = []
            for index in next.partners.indices {
                guard let pledged = next.partners[index].pledged(onLine: number) else { continue }
                dropped.append("\(next.partners[index].party) \(pledged)")
                let left = (next.partners[index].quantities ?? []).filter { $0.line != number }
                next.partners[index].quantities = left.isEmpty ? nil : left
            }
            next.recomputePooledTotals()
            // The audit trail says what the line was and whose pledges went with it.
            var details = action.details
            details["text"] = line.text
            details["unit"] = line.unit
            details["pledges"] = dropped.isEmpty ? "none" : dropped.joined(separator: ", ")
            let event = context.entry(for: record, action: action.name, from: record.status.rawValue, to: next.status.rawValue, details: details)
            next.history.append(event)
            return .success(Outcome(record: next, event: event))

        case let .editLine(number, text, quantity, unit):
            guard let index = record.lines.firstIndex(where: { $0.number == number }) else {
                return .failure(Refusal("line-known", "There is no requirement line \(number).",
                                        remedy: "Use one of: \(record.lines.map { String($0.number) }.joined(separator: ", ")).".trimmingSpaces))
            }
            guard text != nil || quantity != nil || unit != nil else {
                return .failure(Refusal("something-to-change", "Nothing to change on line \(number).",
                                        remedy: "Give --text T, --quantity N or --unit U."))
            }
            if let text, text.trimmingSpaces.isEmpty { return .failure(.emptyText("text", "line text")) }
            if let quantity, quantity <= 0 {
                return .failure(Refusal("quantity-positive", "The quantity must be more than 0; it is \(quantity)."))
            }
            if let unit, unit.trimmingSpaces.isEmpty { return .failure(.emptyText("unit", "unit of measure")) }
            let old = record.lines[index]
            if let text { next.lines[index].text = text.trimmingSpaces }
            if let quantity { next.lines[index].quantity = quantity }
            if let unit { next.lines[index].unit = unit.trimmingSpaces }
            guard next.lines[index] != old else {
                return .failure(Refusal("something-to-change", "Line \(number) already reads so.", remedy: "Give a new text, quantity or unit."))
            }
            next.recomputePooledTotals()
            // The audit trail keeps what the line said before, so the change can be read back.
            // Only the fields that changed, with the new values (one given as it was is left out).
            let now = next.lines[index]
            var details = ["line": String(number)]
            if now.text != old.text { details["text"] = now.text }
            if now.quantity != old.quantity { details["quantity"] = String(now.quantity) }
            if now.unit != old.unit { details["unit"] = now.unit }
            details["was"] = "\(old.quantity) \(old.unit) · \(old.text)"
            let event = context.entry(for: record, action: action.name, from: record.status.rawValue, to: next.status.rawValue, details: details)
            next.history.append(event)
            return .success(Outcome(record: next, event: event))

        case let .withdrawInvitation(party):
            guard let partner = record.partner(party), partner.status == .invited else {
                let invited = record.partners.filter { $0.status == .invited }.map(\.party)
                let status = record.partner(party).map { " (it is \($0.status.rawValue))" } ?? ""
                return .failure(Refusal("invited", "\(party) has no invitation waiting\(status).",
                                        remedy: invited.isEmpty ? "" : "Invited now: \(invited.joined(separator: ", "))."))
            }
            // Never a partner: it leaves the list; the audit trail keeps the invitation and its withdrawal.
            next.partners.removeAll { $0.party == party }

        case let .signAgreement(party, signer):
            guard party == context.officer.party else {
                return .failure(Refusal("role", "A partner signs only for itself; you act for \(context.officer.party), not \(party).",
                                        remedy: "Act with --for \(party)."))
            }
            guard !signer.trimmingSpaces.isEmpty else { return .failure(.emptyText("signer", "signer's name")) }
            guard let index = next.partners.firstIndex(where: { $0.party == party }) else {
                return .failure(Refusal("joined", "\(party) is not a partner."))
            }
            next.partners[index].status = .signed
            next.partners[index].signer = signer.trimmingSpaces
            next.partners[index].signedOn = today

        case let .withdraw(party, reason):
            guard party != record.leadParty else {
                return .failure(Refusal("not-lead", "The lead party \(party) cannot withdraw.",
                                        remedy: "Cancel the solicitation instead, or designate another lead before circulating."))
            }
            guard party == context.officer.party || context.officer.party == record.leadParty else {
                return .failure(Refusal("role", "Only \(party) itself or the lead may withdraw \(party).", remedy: "Act with --for \(party)."))
            }
            guard !reason.trimmingSpaces.isEmpty else { return .failure(.emptyText("reason", "reason")) }
            guard let index = next.partners.firstIndex(where: { $0.party == party && $0.status != .withdrawn }) else {
                return .failure(Refusal("partner", "\(party) is not a partner of this solicitation."))
            }
            next.partners[index].status = .withdrawn
            next.partners[index].withdrawalReason = reason.trimmingSpaces
            // Its pledges stay on record but leave the totals.
            next.recomputePooledTotals()

        case .form:
            next.status = .formed

        case let .setCostSharing(method, total):
            guard let chosen = CostSharing.Method(rawValue: method) else {
                return .failure(Refusal("method-known", "\"\(method)\" is not a cost-sharing method.",
                                        remedy: "Use equal, population or pooled-spend."))
            }
            guard total.amount > 0 else { return .failure(Refusal("total-positive", "The total to share must be more than 0.")) }
            next.costSharing = CostSharing(method: chosen, total: total)

        case let .setTender(number, closingDate, minimum):
            guard !number.trimmingSpaces.isEmpty else { return .failure(.emptyText("number", "solicitation number")) }
            guard closingDate > today else {
                return .failure(Refusal("closing-after-today", "The closing date \(closingDate) is not after today (\(today)).",
                                        remedy: "Choose a later date."))
            }
            if let minimum, minimum < 1 {
                return .failure(Refusal("minimum-positive", "The minimum number of proposals must be at least 1."))
            }
            next.solicitationNumber = number.trimmingSpaces
            next.closingDate = closingDate
            if let minimum { next.minimumProposals = minimum }

        case let .addCriterion(name, weight):
            let name = name.trimmingSpaces
            guard !name.isEmpty else { return .failure(.emptyText("criterion", "criterion name")) }
            guard (1...100).contains(weight) else {
                return .failure(Refusal("weight-range", "The weight must be between 1 and 100; it is \(weight)."))
            }
            guard !record.criteria.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
                return .failure(Refusal("criterion-new", "There is already a criterion named \(name)."))
            }
            // Written so that no sum overflows: a hand-edited file can hold any weights.
            let total = record.criteriaWeightTotal
            guard total <= 100 - weight else {
                return .failure(Refusal("weights-at-most-100",
                                        "The weights would total \(total > 100 ? "more than 100" : String(total + weight)); they must total 100.",
                                        remedy: "Use a weight of at most \(100 - total)."))
            }
            next.criteria.append(EvaluationCriterion(name: name, weight: weight))

        case let .setCooperative(kinds, regions):
            guard let kinds, let regions else {
                next.cooperativeClause = .closed
                break
            }
            switch parseClause(kinds: kinds, regions: regions) {
            case .success(let clause): next.cooperativeClause = clause
            case .failure(let refusal): return .failure(refusal)
            }

        case .publish:
            next.status = .soliciting
            if record.hasLinePledges {
                // The tender goes out with the partners' totals; the audit trail keeps what was published.
                var details = action.details
                for line in record.lines { details["line \(line.number)"] = "\(line.tenderQuantity) \(line.unit)" }
                let event = context.entry(for: record, action: action.name, from: record.status.rawValue, to: next.status.rawValue,
                                          details: details)
                next.history.append(event)
                return .success(Outcome(record: next, event: event))
            }

        case let .recordProposal(vendor, price):
            guard let party = context.lookup.party(vendor) else {
                return .failure(.unknownParty(vendor, lookup: context.lookup, guardName: "vendor", vendor: true))
            }
            guard party.kind == .vendor else { return .failure(Refusal("vendor", "\(vendor) is not a vendor.")) }
            guard !record.proposals.contains(where: { $0.vendor == party.id }) else {
                return .failure(Refusal("one-proposal", "\(vendor) has already submitted a proposal."))
            }
            guard price.amount > 0 else { return .failure(Refusal("price-positive", "The price must be more than 0.")) }
            next.proposals.append(Proposal(id: "P\(record.proposals.count + 1)", vendor: party.id, price: price, receivedOn: today))

        case .close:
            next.status = .evaluating

        case let .score(reference, criterion, score):
            guard let proposal = record.proposal(reference), let index = next.proposals.firstIndex(where: { $0.id == proposal.id }) else {
                return .failure(Refusal("proposal-known", "There is no proposal \(reference).",
                                        remedy: "Use one of: \(record.proposals.map(\.id).joined(separator: ", ")).".trimmingSpaces))
            }
            guard proposal.responsive else {
                return .failure(Refusal("responsive", "Proposal \(proposal.id) was rejected as non-responsive."))
            }
            guard let match = record.criteria.first(where: { $0.name.lowercased() == criterion.trimmingSpaces.lowercased() }) else {
                return .failure(Refusal("criterion-known", "There is no criterion \(criterion).",
                                        remedy: "Use one of: \(record.criteria.map(\.name).joined(separator: ", "))."))
            }
            guard (0...100).contains(score) else {
                return .failure(Refusal("score-range", "A score must be between 0 and 100; it is \(score)."))
            }
            next.proposals[index].scores[match.name] = score

        case let .rejectProposal(reference, reason):
            guard let proposal = record.proposal(reference), let index = next.proposals.firstIndex(where: { $0.id == proposal.id }) else {
                return .failure(Refusal("proposal-known", "There is no proposal \(reference)."))
            }
            guard !reason.trimmingSpaces.isEmpty else { return .failure(.emptyText("reason", "reason")) }
            guard proposal.responsive else { return .failure(Refusal("responsive", "Proposal \(proposal.id) is already rejected.")) }
            next.proposals[index].responsive = false
            next.proposals[index].rejectionReason = reason.trimmingSpaces

        case let .award(reference, reason, renewals, renewalMonths):
            guard let proposal = record.proposal(reference) else {
                return .failure(Refusal("proposal-known", "There is no proposal \(reference)."))
            }
            guard proposal.responsive else {
                return .failure(Refusal("responsive", "Proposal \(proposal.id) was rejected as non-responsive and cannot be awarded."))
            }
            guard let score = record.weightedScore(of: proposal) else {
                let missing = record.criteria.map(\.name).filter { proposal.scores[$0] == nil }
                return .failure(Refusal("fully-scored", "Proposal \(proposal.id) is not scored on: \(missing.joined(separator: ", ")).",
                                        remedy: "Score it with score --proposal \(proposal.id) --criterion C --score S."))
            }
            let best = record.proposals.filter(\.responsive).compactMap { candidate in
                record.weightedScore(of: candidate).map { (candidate, $0) }
            }.max { $0.1 < $1.1 }
            let reasonText = reason?.trimmingSpaces ?? ""
            if let best, best.1 > score, reasonText.isEmpty {
                return .failure(Refusal("reason-if-not-best",
                                        "Proposal \(proposal.id) scores \(formatScore(score)), below \(best.0.id) at \(formatScore(best.1)).",
                                        remedy: "Give --reason for awarding a proposal that is not the best-scoring one."))
            }
            if let renewals, renewals < 0 { return .failure(Refusal("renewals", "Renewal options cannot be negative.")) }
            if let renewalMonths, renewalMonths <= 0 { return .failure(Refusal("renewals", "Months per renewal must be more than 0.")) }
            let contractID = ids.next("CON", year: today.year)
            var contract = CooperativeContract(
                id: contractID, title: record.title, description: record.description, category: record.category,
                source: ContractSource(kind: .solicitation, solicitation: record.id),
                leadParty: record.leadParty ?? context.officer.party, vendor: proposal.vendor,
                cooperativeClause: record.cooperativeClause ?? .closed,
                namedParticipants: record.activePartners.filter { $0.status == .signed }.map(\.party))
            contract.vendorName = context.lookup.party(proposal.vendor)?.name
            contract.awardedValue = proposal.price
            contract.renewalOptions = Array(repeating: RenewalOption(months: renewalMonths ?? 12), count: renewals ?? 0)
            if let number = record.solicitationNumber {
                contract.documents = [ContractDocument(title: "Solicitation \(number)")]
            }
            contract.history = [HistoryEntry(sequence: 1, at: context.now, actor: context.officer.name, party: context.officer.party,
                                             action: "award", from: nil, to: CooperativeContract.Status.pending.rawValue,
                                             note: context.note, details: ["solicitation": record.id, "proposal": proposal.id])]
            created.append(.contract(contract))
            next.awards.append(Award(proposal: proposal.id, vendor: proposal.vendor, contract: contractID, value: proposal.price,
                                     date: today, reason: reasonText.isEmpty ? nil : reasonText))
            next.status = .awarded

        case .complete:
            let lead = record.leadParty
            for partner in record.partners where partner.status == .signed && partner.party != lead {
                for award in record.awards {
                    guard let contract = context.lookup.contract(award.contract) else { continue }
                    // A `complete` retried after a crash between its file renames finds the
                    // addenda it already drafted: never give a partner a second one.
                    let drafted = context.lookup.addenda(onContract: contract.id).contains {
                        $0.party == partner.party && $0.status.blocksAnother
                    }
                    if drafted { continue }
                    let party = context.lookup.party(partner.party)
                    var addendum = ParticipatingAddendum(id: ids.next("PA", year: today.year), contract: contract.id,
                                                         party: partner.party, localTerms: party?.statutoryTerms ?? [])
                    let own = partner.scopeLines(of: record.lines)
                    if own.isEmpty {
                        addendum.scope = record.lines.map { "\($0.text) (\($0.unit))" }.joined(separator: "; ")
                    } else {
                        addendum.scope = own.map { "\($0.text): \($0.quantity) \($0.unit)" }.joined(separator: "; ")
                        addendum.lines = own
                    }
                    addendum.estimatedAnnualSpend = partner.estimatedSpend
                    addendum.contacts = party?.contacts ?? []
                    addendum.endDate = contract.period?.end
                    addendum.history = [HistoryEntry(sequence: 1, at: context.now, actor: context.officer.name,
                                                     party: context.officer.party, action: "complete", from: nil,
                                                     to: ParticipatingAddendum.Status.draft.rawValue, note: context.note,
                                                     details: ["solicitation": record.id])]
                    created.append(.addendum(addendum))
                }
            }
            next.status = .complete

        case let .cancel(reason):
            if let refusal = next.close(as: .cancelled, reason: reason) { return .failure(refusal) }

        case let .declareUnsuccessful(reason):
            if let refusal = next.close(as: .unsuccessful, reason: reason) { return .failure(refusal) }
        }

        let event = context.entry(for: record, action: action.name, from: record.status.rawValue,
                                  to: next.status.rawValue, details: action.details)
        next.history.append(event)
        return .success(Outcome(record: next, event: event, created: created))
    }

    /// Why quantities per line cannot be taken, or `nil`: every line must exist, be named once,
    /// and have a quantity from 0 (taking a pledge back) to ``LineQuantity/maximum``.
    static func pledgeRefusal(_ lines: [LineQuantity], on record: JointSolicitation) -> Refusal? {
        var seen = Set<Int>()
        for pledge in lines {
            guard record.lines.contains(where: { $0.number == pledge.line }) else {
                let known = record.lines.map { String($0.number) }.joined(separator: ", ")
                return Refusal("line-known", "There is no requirement line \(pledge.line).",
                               remedy: known.isEmpty ? "The lead adds lines with add-line." : "The lines are: \(known).")
            }
            guard seen.insert(pledge.line).inserted else {
                return Refusal("line-once", "Line \(pledge.line) is given twice.", remedy: "Give each line's quantity once.")
            }
            guard pledge.quantity >= 0 else {
                return Refusal("quantity-not-negative", "A quantity cannot be negative; line \(pledge.line) has \(pledge.quantity).",
                               remedy: "Give 0 to take back a line's quantity.")
            }
            guard pledge.quantity <= LineQuantity.maximum else {
                return Refusal("quantity-limit", "Line \(pledge.line)'s quantity \(pledge.quantity) is more than the limit of \(LineQuantity.maximum.grouped).",
                               remedy: "Check the number; quantities are counted in the line's unit.")
            }
        }
        return nil
    }

    /// `old` with the lines in `new` set to their new quantities (0 removes a line), in line order.
    static func merged(_ old: [LineQuantity]?, _ new: [LineQuantity]) -> [LineQuantity]? {
        var byLine = Dictionary((old ?? []).map { ($0.line, $0.quantity) }, uniquingKeysWith: { _, last in last })
        for pledge in new { byLine[pledge.line] = pledge.quantity }
        let result = byLine.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { LineQuantity(line: $0.key, quantity: $0.value) }
        return result.isEmpty ? nil : result
    }

    /// `8450` hundredths -> `84.50`.
    static func formatScore(_ hundredths: Int) -> String {
        let cents = hundredths % 100
        return "\(hundredths / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// Turns typed kinds and regions into a clause; `all` stands for every kind or region.
    public static func parseClause(kinds: [String], regions: [String]) -> Result<CooperativeClause, Refusal> {
        guard !kinds.isEmpty else {
            return .failure(Refusal("kinds-known", "No kinds given.", remedy: "Give --kinds with kinds such as city,county, or all."))
        }
        guard !regions.isEmpty else {
            return .failure(Refusal("regions-known", "No regions given.", remedy: "Give --regions with codes such as US-OR, or all."))
        }
        var kindList: [PartyKind]?
        if !kinds.contains(where: { $0.lowercased() == "all" }) {
            var parsed: [PartyKind] = []
            for kind in kinds {
                guard let value = PartyKind(typed: kind), value.isPublicBody else {
                    return .failure(Refusal("kinds-known", "\"\(kind)\" is not a kind of public body.",
                                            remedy: "Use \(PartyKind.publicBodies.map(\.rawValue).joined(separator: ", ")) or all."))
                }
                if !parsed.contains(value) { parsed.append(value) }
            }
            kindList = parsed.sorted()
        }
        var regionList: [RegionCode]?
        if !regions.contains(where: { $0.lowercased() == "all" }) {
            var parsed: [RegionCode] = []
            for region in regions {
                guard let value = RegionCode(region) else {
                    return .failure(Refusal("regions-known", "\"\(region)\" is not a region code.",
                                            remedy: "Use ISO 3166 codes such as US or US-OR, or all."))
                }
                if !parsed.contains(value) { parsed.append(value) }
            }
            regionList = parsed.sorted()
        }
        return .success(CooperativeClause(open: true, kinds: kindList, regions: regionList))
    }
}

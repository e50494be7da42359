import CobuyCore

/// What `cobuy validate` found.
public struct ValidationReport: Sendable {
    /// Files that are wrong: unreadable, not matching the schema, or inconsistent.
    public var problems: [StoreProblem]
    /// Harmless findings, such as temporaries left by an interrupted write.
    public var warnings: [String]
    public var recordCount: Int

    public var isValid: Bool { problems.isEmpty }
}

extension Store {
    /// Reads every file and checks each record's own consistency and its references to others.
    public func validate() -> ValidationReport {
        var problems: [StoreProblem] = []
        var records: [AnyRecord] = []
        if !DurableFile.exists(markerPath) {
            problems.append(StoreProblem(path: markerPath, location: "", message: "missing: this folder is not a Cobuy store"))
        } else {
            do throws(StoreError) {
                let data = try DurableFile.read(markerPath, limit: Store.markerSizeLimit)
                switch RecordCodec.decode(StoreMarker.self, from: data, path: markerPath) {
                case .failure(let problem):
                    problems.append(problem)
                case .success(let marker):
                    // A newer store is not read at all: its records may mean something else.
                    if marker.version > Store.formatVersion {
                        let problem = StoreProblem(path: markerPath, location: "version", message: Store.newerFormatMessage(marker.version))
                        return ValidationReport(problems: [problem], warnings: [], recordCount: 0)
                    }
                }
            } catch {
                problems.append(Store.unreadable(error, path: markerPath))
            }
        }
        for kind in RecordKind.allCases {
            let loaded = loadAll(kind)
            records += loaded.records
            problems += loaded.problems
        }
        var directory = RecordDirectory()
        for record in records { directory.insert(record) }
        for record in records {
            let path = path(of: record.kind, id: record.id)
            for message in record.record.consistencyProblems() {
                problems.append(StoreProblem(path: path, location: "", message: message))
            }
            for message in references(of: record, in: directory) {
                problems.append(StoreProblem(path: path, location: "", message: message))
            }
        }
        // One party holds at most one open or executed addendum on a contract; a second can only
        // come from outside the state machines (a hand edit, a merge of two branches).
        var holders: [String: String] = [:]
        for addendum in directory.addenda.values.sorted(by: { $0.id < $1.id }) where addendum.status.blocksAnother {
            let key = addendum.party + "\u{0}" + addendum.contract
            if let first = holders[key], !(directory.addenda[first].map { createdByMergeRefusal($0, in: directory) } ?? false),
               !createdByMergeRefusal(addendum, in: directory) {
                problems.append(StoreProblem(path: path(of: .addendum, id: addendum.id), location: "status",
                                             message: "\(addendum.party) already has addendum \(first) open on \(addendum.contract);"
                                                 + " withdraw one of them"))
            } else {
                holders[key] = addendum.id
            }
        }
        var warnings = leftoverTemporaries().map { "\($0): temporary left by an interrupted write or import (ignored; safe to delete)" }
        for contract in directory.contracts.values.sorted(by: { $0.id < $1.id }) {
            if let source = contract.source.solicitation, let solicitation = directory.solicitation(source),
               !solicitation.awards.contains(where: { $0.contract == contract.id }), Store.createdByRefusedEvent(contract.history, on: solicitation) {
                warnings.append("\(contract.id) was created by an award refused when members' work was merged; \(source) needs a decision (cancel the contract if it is not wanted)")
            }
        }
        for addendum in directory.addenda.values.sorted(by: { $0.id < $1.id }) where createdByMergeRefusal(addendum, in: directory) {
            warnings.append("\(addendum.id) was drafted by a complete refused when members' work was merged; its solicitation needs a decision (withdraw the addendum if it is not wanted)")
        }
        if let missing = missingIgnoreRules(), !missing.isEmpty {
            warnings.append("\(root)/.gitignore lacks \(missing.joined(separator: ", ")), so git would commit temporaries; the next write adds it")
        }
        return ValidationReport(problems: problems.sorted { ($0.path, $0.location) < ($1.path, $1.location) },
                                warnings: warnings, recordCount: records.count)
    }

    /// Whether a record whose first events are `created` was made by an action that a merge of
    /// two members' work refused on `solicitation` (each member awarded, or completed, at
    /// once): the merge replays no action that creates records, so the record stays, the same
    /// on every member, and the solicitation is marked in conflict for someone to decide.
    static func createdByRefusedEvent(_ created: [HistoryEntry], on solicitation: JointSolicitation) -> Bool {
        guard let first = created.first else { return false }
        return solicitation.history.contains {
            $0.refused != nil && $0.action == first.action && $0.at == first.at && $0.actor == first.actor && $0.party == first.party
        }
    }

    func createdByMergeRefusal(_ addendum: ParticipatingAddendum, in directory: RecordDirectory) -> Bool {
        guard let source = addendum.history.first?.details["solicitation"], let solicitation = directory.solicitation(source) else { return false }
        return Store.createdByRefusedEvent(addendum.history, on: solicitation)
    }

    /// The ``Store/ignoreRules`` the store's `.gitignore` lacks; nil when it cannot be read.
    func missingIgnoreRules() -> [String]? {
        let path = "\(root)/.gitignore"
        guard DurableFile.exists(path) else { return Store.ignoreRules }
        guard let data = try? DurableFile.read(path, limit: Store.markerSizeLimit) else { return nil }
        let present = Set(String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map { $0.trimmingSpaces })
        return Store.ignoreRules.filter { !present.contains($0) }
    }

    private func references(of record: AnyRecord, in directory: RecordDirectory) -> [String] {
        var missing: [String] = []
        func need(_ id: String?, _ what: String) {
            if let id, directory.party(id) == nil, directory.contract(id) == nil, directory.solicitation(id) == nil,
               directory.addenda[id] == nil {
                missing.append("\(what) \(id) is not in the store")
            }
        }
        switch record {
        case .party:
            break
        case .solicitation(let value):
            need(value.leadParty, "leadParty")
            for partner in value.partners { need(partner.party, "partner") }
            for award in value.awards { need(award.contract, "awards contract") }
        case .contract(let value):
            if value.source.kind != .imported {
                need(value.leadParty, "leadParty")
                need(value.vendor, "vendor")
            }
            need(value.source.solicitation, "source solicitation")
            if let source = value.source.solicitation, let solicitation = directory.solicitation(source),
               !solicitation.awards.contains(where: { $0.contract == value.id }),
               !Store.createdByRefusedEvent(value.history, on: solicitation) {
                missing.append("source solicitation \(source) does not list it among its awards (an interrupted award?)")
            }
        case .addendum(let value):
            need(value.contract, "contract")
            need(value.party, "party")
            if value.status == .executed, let end = value.endDate, let contractEnd = directory.contract(value.contract)?.period?.end,
               end > contractEnd {
                missing.append("endDate \(end) is after its contract's end \(contractEnd)")
            }
        }
        return missing
    }
}

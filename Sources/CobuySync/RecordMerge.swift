import CobuyCore
import CobuyStore
import Foundation

/// Merges two members' versions of one record from the version they started from: the
/// union of both histories, replayed through the record's state machine.
///
/// The side whose new work begins first (earliest new event, then event id) is taken as it
/// stands; the other side's new events are replayed on top of it, each through the machine
/// as the officer who took it, at the time it was taken. So a merge never yields a state the
/// machine would not, and the result depends only on the three versions, never on which
/// member runs the merge. Work that commutes (lines added by two members, two partners
/// signing) merges silently. Work that does not keeps both events and marks the record in
/// conflict: a field written two ways keeps the later-replayed value provisionally and both
/// versions in the marker; an event the other side's work made impossible stays in the
/// history, marked refused, having changed nothing.
public enum RecordMerge {
    /// Why a merge was refused: the versions cannot be reconciled automatically, and the
    /// files are left to git's conflict for a person to look at.
    public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        public var message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// The merged record and whether it is (still or newly) in conflict.
    public struct Result: Sendable {
        public var record: AnyRecord
        public var inConflict: Bool
    }

    /// Merges `ours` and `theirs`, both descended from `base` (`nil` when both sides created
    /// the file). `lookup` answers the machines' questions about other records, `pool` hands
    /// out ids to actions that create records.
    public static func merge(base: AnyRecord?, ours: AnyRecord, theirs: AnyRecord, lookup: any RecordLookup,
                             pool: IDPool = IDPool(existing: [])) throws(Refusal) -> Result {
        guard ours.kind == theirs.kind, ours.id == theirs.id, base.map({ $0.kind == ours.kind && $0.id == ours.id }) ?? true else {
            throw Refusal("the two versions of \(ours.id) are not the same record")
        }
        switch (base, ours, theirs) {
        case let (base, .solicitation(ours), .solicitation(theirs)):
            return try merge(SolicitationMachine.self, base: base.flatMap(solicitation), ours: ours, theirs: theirs,
                             lookup: lookup, pool: pool, wrap: AnyRecord.solicitation)
        case let (base, .contract(ours), .contract(theirs)):
            return try merge(ContractMachine.self, base: base.flatMap(contract), ours: ours, theirs: theirs,
                             lookup: lookup, pool: pool, wrap: AnyRecord.contract)
        case let (base, .addendum(ours), .addendum(theirs)):
            return try merge(AddendumMachine.self, base: base.flatMap(addendum), ours: ours, theirs: theirs,
                             lookup: lookup, pool: pool, wrap: AnyRecord.addendum)
        case let (base, .party(ours), .party(theirs)):
            return try mergeParty(base: base.flatMap(party), ours: ours, theirs: theirs)
        case (_, .solicitation, _), (_, .contract, _), (_, .addendum, _), (_, .party, _):
            throw Refusal("the two versions of \(ours.id) are not the same kind of record")
        }
    }

    private static func solicitation(_ record: AnyRecord) -> JointSolicitation? { if case .solicitation(let value) = record { value } else { nil } }
    private static func contract(_ record: AnyRecord) -> CooperativeContract? { if case .contract(let value) = record { value } else { nil } }
    private static func addendum(_ record: AnyRecord) -> ParticipatingAddendum? { if case .addendum(let value) = record { value } else { nil } }
    private static func party(_ record: AnyRecord) -> Party? { if case .party(let value) = record { value } else { nil } }

    /// Events each side added since the base, after checking that neither side changed or
    /// removed an event (tampering) and that the two sides agree on the events they share.
    static func newEvents<R: Record>(base: R?, ours: R, theirs: R) throws(Refusal) -> (ours: [HistoryEntry], theirs: [HistoryEntry]) {
        let baseEvents = base?.history ?? []
        for (side, record) in [("ours", ours), ("theirs", theirs)] {
            var seen: [String: HistoryEntry] = [:]
            for entry in record.history {
                guard seen.updateValue(entry, forKey: entry.eventID) == nil else {
                    throw Refusal("\(record.id): event \(entry.eventID) appears twice in \(side)")
                }
            }
            for entry in baseEvents {
                guard let kept = seen[entry.eventID] else {
                    throw Refusal("\(record.id): event \(entry.eventID) (\(entry.action) by \(entry.actor), \(entry.at)) was removed in \(side): histories may only grow")
                }
                guard kept.recordsSameAct(as: entry) else {
                    throw Refusal("\(record.id): event \(entry.eventID) (\(entry.action) by \(entry.actor), \(entry.at)) was changed in \(side): histories may only grow")
                }
            }
        }
        let theirsByID = Dictionary(theirs.history.map { ($0.eventID, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in ours.history {
            if let other = theirsByID[entry.eventID], !other.recordsSameAct(as: entry) {
                throw Refusal("\(ours.id): event \(entry.eventID) (\(entry.action) by \(entry.actor), \(entry.at)) differs between the two sides")
            }
        }
        let baseIDs = Set(baseEvents.map(\.eventID))
        return (ours.history.filter { !baseIDs.contains($0.eventID) }, theirs.history.filter { !baseIDs.contains($0.eventID) })
    }

    /// Which side's new work comes first: by its earliest new event, then event id; a side
    /// whose work created other records goes first, so those actions are never replayed.
    static func oursFirst(_ ours: [HistoryEntry], _ theirs: [HistoryEntry], creating: (HistoryEntry) -> Bool) -> Bool {
        let oursCreates = ours.contains(where: creating), theirsCreates = theirs.contains(where: creating)
        if oursCreates != theirsCreates { return oursCreates }
        func key(_ events: [HistoryEntry]) -> (Timestamp, String) {
            events.map { ($0.at, $0.eventID) }.min { $0 < $1 } ?? (Timestamp(secondsSinceEpoch: Int.max / 2), "")
        }
        return key(ours) <= key(theirs)
    }

    private static func merge<M: StateMachine>(_ machine: M.Type, base: M.Subject?, ours: M.Subject, theirs: M.Subject,
                                               lookup: any RecordLookup, pool: IDPool,
                                               wrap: (M.Subject) -> AnyRecord) throws(Refusal) -> Result {
        let added = try newEvents(base: base, ours: ours, theirs: theirs)
        let oursIDs = Set(ours.history.map(\.eventID)), theirsIDs = Set(theirs.history.map(\.eventID))
        // One side already has everything the other has: no replay, nothing to decide.
        if added.theirs.allSatisfy({ oursIDs.contains($0.eventID) }) {
            return Result(record: wrap(ours), inConflict: ours.conflict != nil)
        }
        if added.ours.allSatisfy({ theirsIDs.contains($0.eventID) }) {
            return Result(record: wrap(theirs), inConflict: theirs.conflict != nil)
        }
        guard let base else {
            throw Refusal("\(ours.id) was created separately on both sides: two different records share the id")
        }
        let creating: (HistoryEntry) -> Bool = { entry in M.spec(named: entry.action)?.createsRecords ?? false }
        let takeOurs = oursFirst(added.ours, added.theirs, creating: creating)
        let (first, second) = takeOurs ? (ours, theirs) : (theirs, ours)
        let firstIDs = takeOurs ? oursIDs : theirsIDs
        let replayed = (takeOurs ? added.theirs : added.ours).filter { !firstIDs.contains($0.eventID) }

        var record = first
        record.conflict = union(first.conflict, newIn: second.conflict, since: base.conflict)
        var refused: [String] = []
        for event in replayed {
            switch replay(M.self, event, on: record, lookup: lookup, pool: pool) {
            case .success(let next): record = next
            case .failure(let reason):
                refused.append(event.eventID)
                var kept = event
                kept.id = event.eventID
                kept.sequence = record.nextSequence
                kept.from = record.statusName ?? event.from
                kept.to = record.statusName ?? event.to
                kept.refused = event.refused ?? reason.message
                record.history.append(kept)
            }
        }
        let fields = fieldConflicts(M.self, base: base, first: first, second: second, merged: record, lookup: lookup, pool: pool)
        if !fields.isEmpty || !refused.isEmpty {
            var conflict = record.conflict ?? RecordConflict()
            for field in fields where !conflict.fields.contains(where: { $0.field == field.field }) { conflict.fields.append(field) }
            conflict.fields.sort { $0.field < $1.field }
            conflict.refusedEvents += refused.filter { !conflict.refusedEvents.contains($0) }
            record.conflict = conflict
        }
        record.revision = max(ours.revision, theirs.revision) + 1
        return Result(record: wrap(record), inConflict: record.conflict != nil)
    }

    /// One event taken again, as its officer, at its time, keeping its id. A refused event
    /// (from an earlier merge) is carried over unchanged: it changed nothing then either.
    static func replay<M: StateMachine>(_ machine: M.Type, _ event: HistoryEntry, on record: M.Subject,
                                        lookup: any RecordLookup, pool: IDPool) -> Swift.Result<M.Subject, Refusal> {
        if event.refused != nil { return .failure(Refusal(event.refused ?? "")) }
        if M.spec(named: event.action)?.createsRecords == true {
            return .failure(Refusal("\(event.action) created records of its own and cannot be taken again after another member's work"))
        }
        let context = ActionContext(now: event.at, officer: Officer(name: event.actor, party: event.party), note: event.note,
                                    lookup: lookup, ids: pool)
        if event.action == ConflictResolution.name {
            switch ConflictResolution.apply(to: record, keep: event.details["keep"], in: context) {
            case .success(let outcome):
                var next = outcome.record
                if let last = next.history.indices.last { next.history[last].id = event.eventID }
                return .success(next)
            case .failure(let refusal):
                return .failure(Refusal("refused after the other member's work: \(refusal.description) [guard: \(refusal.guardName)]"))
            }
        }
        do {
            switch try M.perform(event.action, ActionArguments(event.details), on: record, in: context) {
            case .success(let outcome):
                var next = outcome.record
                if let last = next.history.indices.last {
                    next.history[last].id = event.eventID
                }
                return .success(next)
            case .failure(let refusal):
                return .failure(Refusal("refused after the other member's work: \(refusal.description) [guard: \(refusal.guardName)]"))
            }
        } catch {
            return .failure(Refusal("cannot be taken again: \(error.description)"))
        }
    }

    /// Conflict markers a side brought that the base did not have, added to the other's.
    static func union(_ first: RecordConflict?, newIn second: RecordConflict?, since base: RecordConflict?) -> RecordConflict? {
        guard let second else { return first }
        var merged = first ?? RecordConflict()
        for field in second.fields where !(base?.fields.contains(field) ?? false) && !merged.fields.contains(where: { $0.field == field.field }) {
            merged.fields.append(field)
        }
        for event in second.refusedEvents where !(base?.refusedEvents.contains(event) ?? false) && !merged.refusedEvents.contains(event) {
            merged.refusedEvents.append(event)
        }
        merged.fields.sort { $0.field < $1.field }
        return merged.isEmpty ? nil : merged
    }

    /// Fields both sides wrote, to different values: each side's value with the event that
    /// wrote it, and the merged record's value as the provisional one.
    static func fieldConflicts<M: StateMachine>(_ machine: M.Type, base: M.Subject, first: M.Subject, second: M.Subject,
                                                merged: M.Subject, lookup: any RecordLookup, pool: IDPool) -> [RecordConflict.Field] {
        guard let basePaths = paths(base), let firstPaths = paths(first), let secondPaths = paths(second),
              let mergedPaths = paths(merged) else { return [] }
        let both = firstPaths.written(since: basePaths).intersection(secondPaths.written(since: basePaths))
            .filter { firstPaths.value($0) != secondPaths.value($0) }
        guard !both.isEmpty else { return [] }
        let firstWriters = writers(M.self, base: base, side: first, fields: both, lookup: lookup, pool: pool)
        let secondWriters = writers(M.self, base: base, side: second, fields: both, lookup: lookup, pool: pool)
        return both.sorted().compactMap { field in
            let versions = [(firstWriters[field], firstPaths.value(field)), (secondWriters[field], secondPaths.value(field))]
                .compactMap { writer, value in
                    writer.map { RecordConflict.Version(event: $0.eventID, actor: $0.actor, party: $0.party, at: $0.at, value: value) }
                }
                .sorted { ($0.at, $0.event) < ($1.at, $1.event) }
            return RecordConflict.Field(field: field, versions: versions, provisional: mergedPaths.value(field))
        }
    }

    /// For each field, the event of `side` that last wrote it, found by replaying the side's
    /// new events from the base one at a time (the last new event when replay cannot tell).
    static func writers<M: StateMachine>(_ machine: M.Type, base: M.Subject, side: M.Subject, fields: Set<String>,
                                         lookup: any RecordLookup, pool: IDPool) -> [String: HistoryEntry] {
        let baseIDs = Set(base.history.map(\.eventID))
        let events = side.history.filter { !baseIDs.contains($0.eventID) }
        var found: [String: HistoryEntry] = [:]
        var record = base
        guard var before = paths(record) else { return [:] }
        for event in events {
            guard case .success(let next) = replay(M.self, event, on: record, lookup: lookup, pool: pool),
                  let after = paths(next) else { continue }
            for field in fields where before.value(field) != after.value(field) { found[field] = event }
            record = next
            before = after
        }
        if let last = events.last {
            for field in fields where found[field] == nil { found[field] = last }
        }
        return found
    }

    static func paths<R: Record>(_ record: R) -> FieldPaths? {
        (try? RecordCodec.encode(record)).map(FieldPaths.init)
    }

    /// Parties have no state machine: the union of both histories, and when both sides changed
    /// the party differently, the side whose last event sorts later provisionally, marked.
    static func mergeParty(base: Party?, ours: Party, theirs: Party) throws(Refusal) -> Result {
        let added = try newEvents(base: base, ours: ours, theirs: theirs)
        let oursIDs = Set(ours.history.map(\.eventID)), theirsIDs = Set(theirs.history.map(\.eventID))
        if added.theirs.allSatisfy({ oursIDs.contains($0.eventID) }) { return Result(record: .party(ours), inConflict: ours.conflict != nil) }
        if added.ours.allSatisfy({ theirsIDs.contains($0.eventID) }) { return Result(record: .party(theirs), inConflict: theirs.conflict != nil) }
        guard let base else { throw Refusal("party \(ours.id) was created separately on both sides: two different parties share the id") }
        let takeOurs = oursFirst(added.ours, added.theirs, creating: { _ in false })
        let (first, second) = takeOurs ? (ours, theirs) : (theirs, ours)
        let firstIDs = takeOurs ? oursIDs : theirsIDs
        var record = second
        record.history = first.history
        for event in (takeOurs ? added.theirs : added.ours) where !firstIDs.contains(event.eventID) {
            var kept = event
            kept.id = event.eventID
            kept.sequence = record.nextSequence
            record.history.append(kept)
        }
        record.conflict = union(first.conflict, newIn: second.conflict, since: base.conflict)
        if let basePaths = paths(base), let firstPaths = paths(first), let secondPaths = paths(second) {
            let both = firstPaths.written(since: basePaths).intersection(secondPaths.written(since: basePaths))
                .filter { firstPaths.value($0) != secondPaths.value($0) }
            if !both.isEmpty {
                var conflict = record.conflict ?? RecordConflict()
                let firstLast = (takeOurs ? added.ours : added.theirs).last, secondLast = (takeOurs ? added.theirs : added.ours).last
                for field in both.sorted() where !conflict.fields.contains(where: { $0.field == field }) {
                    let versions = [(firstLast, firstPaths.value(field)), (secondLast, secondPaths.value(field))].compactMap { event, value in
                        event.map { RecordConflict.Version(event: $0.eventID, actor: $0.actor, party: $0.party, at: $0.at, value: value) }
                    }.sorted { ($0.at, $0.event) < ($1.at, $1.event) }
                    conflict.fields.append(RecordConflict.Field(field: field, versions: versions, provisional: secondPaths.value(field)))
                }
                record.conflict = conflict
            }
        } else {
            record = first
        }
        record.revision = max(ours.revision, theirs.revision) + 1
        return Result(record: .party(record), inConflict: record.conflict != nil)
    }
}

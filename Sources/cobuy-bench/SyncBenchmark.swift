import CobuyCore
import CobuyStore
import CobuySync
import Foundation

/// `cobuy-bench simulate [MEMBERS ACTIONS ROUNDS SEED]` and `cobuy-bench sync [RECORDS]`:
/// a consortium sharing one store through real git (a bare repository in a temporary folder,
/// one clone per member, the `cobuy` binary beside this one as the merge driver).
///
/// `simulate` has every member take random valid actions between syncs, syncing in a random
/// order each round, then checks that all stores end byte-identical and that every event made
/// is in them. Exit 1 when not. `sync` times one member's sync (p50, p99) in a store of
/// RECORDS records while another member keeps pushing.
enum SyncBenchmark {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// A small fixed-seed generator, so a failing run can be repeated.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
        mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[below(items.count)] }
        mutating func shuffled<T>(_ items: [T]) -> [T] {
            var items = items
            for index in items.indices.reversed() where index > 0 { items.swapAt(index, below(index + 1)) }
            return items
        }
    }

    struct Member {
        var officer: Officer
        var email: String
        var code: String
        var shared: SharedStore
        var store: Store { shared.store }
    }

    static var driver: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("cobuy").path
    }

    static func environment(_ officer: Officer, email: String) -> [String: String] {
        ["GIT_AUTHOR_NAME": officer.name, "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": officer.name,
         "GIT_COMMITTER_EMAIL": email, "GIT_CONFIG_NOSYSTEM": "1"]
    }

    /// A founding store with `parties`, shared to a new bare repository, and the members' clones.
    static func consortium(folder: String, parties: [Officer], setUp: (Store, Officer) throws -> Void) throws -> [Member] {
        guard FileManager.default.isExecutableFile(atPath: driver) else {
            throw Failure(description: "the cobuy binary is not beside cobuy-bench (\(driver)); build both with swift build -c release")
        }
        let remote = "\(folder)/remote.git"
        try Git(folder: folder).check(["init", "--quiet", "--bare", "-b", "main", remote])
        let founder = parties[0]
        let root = "\(folder)/member-00"
        let store = try Store.initialize(at: root)
        let now = Timestamp(iso8601: "2026-03-02T09:00:00Z") ?? Timestamp(secondsSinceEpoch: 0)
        for officer in parties {
            _ = try ActionRunner.create(officer: founder, now: now, requireKnownParty: false, in: store) { context in
                Creation.party(id: officer.party, name: "Party \(officer.party)", kind: "city", region: "US-OR", population: 1000,
                               terms: [], in: context)
            }
        }
        try setUp(store, founder)
        var members: [Member] = []
        for (index, officer) in parties.enumerated() {
            let email = "\(officer.party)@example.org"
            let code = "M\(String(format: "%02d", index))"
            let environment = environment(officer, email: email)
            if index == 0 {
                let shared = SharedStore(store: store, environment: environment)
                _ = try shared.initialize(remote: remote, party: officer.party, code: code, executable: driver)
                members.append(Member(officer: officer, email: email, code: code, shared: shared))
            } else {
                let (shared, _) = try SharedStore.clone(url: remote, into: "\(folder)/member-\(String(format: "%02d", index))",
                                                        party: officer.party, code: code, executable: driver, environment: environment)
                members.append(Member(officer: officer, email: email, code: code, shared: shared))
            }
        }
        for member in members { _ = try Sync(shared: member.shared).run() }
        return members
    }

    /// One random action this member may take now, with made-up inputs; true when taken.
    /// `records` is the member's view of its solicitations, kept up to date here (reading the
    /// whole folder before every action made the simulation quadratic in its records).
    static func randomAction(_ member: Member, others: [Member], now: Timestamp, records: inout [AnyRecord], random: inout Random) -> Bool {
        let store = member.store
        if records.count < 3 || random.below(8) == 0 {
            guard let created = try? ActionRunner.create(officer: member.officer, now: now, in: store, { context in
                Creation.solicitation(title: "Buy \(random.below(1000))", lead: nil, category: "Sim", description: "", in: context)
            }) else { return false }
            records.append(.solicitation(created))
            return true
        }
        let context = ActionContext(now: now, officer: member.officer, lookup: StoreLookup(store: store))
        for _ in 0..<6 {
            // A record first, then one of its actions: only that record's actions are asked for.
            guard !records.isEmpty else { return false }
            let index = random.below(records.count)
            let record = records[index]
            let choices = RecordActions.available(on: record, in: context).filter {
                $0.isAllowed && !$0.spec.createsRecords && $0.spec.name != ConflictResolution.name
            }
            guard let spec = random.pick(choices)?.spec else { continue }
            var values: [String: String] = [:]
            for parameter in spec.parameters {
                if !parameter.isRequired, random.below(2) == 0 { continue }
                switch parameter.kind {
                case .text: values[parameter.flag] = "text \(random.below(100))"
                case .integer: values[parameter.flag] = String(1 + random.below(40))
                case .money: values[parameter.flag] = String(1000 + random.below(9000))
                case .date: values[parameter.flag] = now.date.adding(days: 30 + random.below(60)).description
                case .party: values[parameter.flag] = random.pick(others.map(\.officer.party) + [member.officer.party])
                case .choice(let options): values[parameter.flag] = random.pick(options)
                case .list: values[parameter.flag] = "all"
                case .switchFlag: continue
                }
            }
            if spec.name == "join" || spec.name == "sign-agreement" { values["party"] = member.officer.party }
            if spec.name == "set-cooperative" { values = ["kinds": "all", "regions": "all"] }
            if let applied = try? ActionRunner.perform(spec.name, ActionArguments(values), on: record.id, officer: member.officer, now: now, in: store) {
                records[index] = applied.record
                return true
            }
        }
        return false
    }

    static func recordFiles(_ store: Store) -> [String: Data] {
        var files: [String: Data] = [:]
        for kind in RecordKind.allCases {
            for id in store.ids(of: kind) {
                files["\(kind.folder)/\(id).json"] = FileManager.default.contents(atPath: store.path(of: kind, id: id))
            }
        }
        return files
    }

    static func eventCount(_ store: Store) -> Int {
        RecordKind.allCases.reduce(0) { total, kind in
            total + store.loadLocal(kind).records.reduce(0) { $0 + $1.record.history.count }
        }
    }

    /// Prints a line and flushes it at once, even into a pipe or a file, so a long run shows
    /// its progress (`fflush(nil)` flushes every stream without naming the global `stdout`).
    static func say(_ line: String) {
        print(line)
        fflush(nil)
    }

    static func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    /// The simulation's end-of-run checks, each a line; `failed` lists the ones that did not hold.
    struct Verdict {
        var lines: [String] = []
        var failed: [String] = []
        mutating func check(_ holds: Bool, _ line: String) {
            lines.append("  \(holds ? "ok  " : "FAIL") \(line)")
            if !holds { failed.append(line) }
        }
    }

    /// Byte-identical records on every member, every event made counted once, no record or
    /// event id twice, no text-merge markers, `validate` clean on every member.
    static func verdict(_ members: [Member], made: Int) -> Verdict {
        var verdict = Verdict()
        let reference = recordFiles(members[0].store)
        let differing = members.filter { recordFiles($0.store) != reference }.map(\.code)
        verdict.check(differing.isEmpty, "records byte-identical on all \(members.count) members (\(reference.count) records)"
                      + (differing.isEmpty ? "" : "; differ: \(differing.joined(separator: ", "))"))
        var events: [String] = []
        var recordIDs: [String] = []
        var undecodable = 0
        for (path, data) in reference {
            let parts = path.split(separator: "/")
            guard parts.count == 2, let kind = RecordKind(folder: String(parts[0])),
                  case .success(let record) = RecordFile.decode(kind: kind, data: data, path: path) else { undecodable += 1; continue }
            recordIDs.append(record.id)
            events += record.record.history.map(\.eventID)
        }
        verdict.check(events.count == made && undecodable == 0, "events made \(made), events counted \(events.count)")
        let repeatedRecords = recordIDs.count - Set(recordIDs).count, repeatedEvents = events.count - Set(events).count
        verdict.check(repeatedRecords == 0 && repeatedEvents == 0,
                      "no id twice (\(repeatedRecords) record ids and \(repeatedEvents) event ids repeated)")
        let markers = [Data("<<<<<<< ".utf8), Data("\n=======\n".utf8), Data(">>>>>>> ".utf8)]
        let marked = reference.filter { _, data in markers.contains { data.range(of: $0) != nil } }.keys.sorted()
        verdict.check(marked.isEmpty, "no conflict markers in any file" + (marked.isEmpty ? "" : ": \(marked.joined(separator: ", "))"))
        let invalid = members.compactMap { member -> String? in
            let report = member.store.validate()
            return report.isValid ? nil : "\(member.code): \(report.problems.first.map { "\($0)" } ?? "")"
        }
        verdict.check(invalid.isEmpty, "validate clean on every member" + (invalid.isEmpty ? "" : ": \(invalid.joined(separator: "; "))"))
        return verdict
    }

    static func simulate(members count: Int, actions: Int, rounds: Int, seed: UInt64) throws {
        let folder = NSTemporaryDirectory() + "cobuy-sim-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let began = DispatchTime.now().uptimeNanoseconds
        let parties = (0..<count).map { Officer(name: "Officer \($0)", party: "member-\(String(format: "%02d", $0))") }
        say("Simulation: \(count) members × \(actions) actions, \(rounds) rounds, seed \(seed)")
        let members = try consortium(folder: folder, parties: parties) { _, _ in }
        say(String(format: "  set up (store, bare repository, %d clones): %.1f s", count, seconds(since: began)))
        var random = Random(state: seed)
        var made = eventCount(members[0].store)
        var syncTimes: [Double] = []
        var spawns: [Int] = []
        var conflicted = 0
        let perRound = (actions + rounds - 1) / rounds
        var taken = Array(repeating: 0, count: count)
        for round in 1...rounds {
            let roundStart = DispatchTime.now().uptimeNanoseconds
            let roundSyncs = syncTimes.count
            let now = Timestamp(iso8601: "2026-03-0\(min(9, round + 1))T10:00:00Z") ?? Timestamp(secondsSinceEpoch: 0)
            for index in random.shuffled(Array(members.indices)) {
                let member = members[index]
                let others = members.filter { $0.code != member.code }
                var records = member.store.loadLocal(.solicitation).records
                var attempts = 0
                var thisRound = 0
                while thisRound < perRound, taken[index] < actions, attempts < perRound * 20 {
                    attempts += 1
                    // A second apart, so every member's events have their own times.
                    let at = now.adding(seconds: index * 1000 + taken[index])
                    if randomAction(member, others: others, now: at, records: &records, random: &random) {
                        taken[index] += 1
                        thisRound += 1
                        made += 1
                    }
                }
                let start = DispatchTime.now().uptimeNanoseconds
                let spawnedBefore = Git.spawned
                let report = try Sync(shared: member.shared).run()
                syncTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                spawns.append(Git.spawned - spawnedBefore)
                if !report.rejected.isEmpty { throw Failure(description: "round \(round): \(report.rejected.map(\.description))") }
                conflicted = report.conflicts.count
            }
            let times = syncTimes[roundSyncs...].sorted()
            say(String(format: "  round %d: %d actions taken so far, %d record(s) in conflict; %.1f s, sync p50 %.0f ms, max %.0f ms",
                         round, taken.reduce(0, +), conflicted, seconds(since: roundStart),
                         times.isEmpty ? 0 : times[times.count / 2], times.last ?? 0))
        }
        // One more pass: every member receives what the others pushed after its last sync.
        for member in members { _ = try Sync(shared: member.shared).run() }
        Benchmark.report("one sync during the simulation", syncTimes)
        fflush(nil)
        let sortedSpawns = spawns.sorted()
        say("  git processes a sync: median \(sortedSpawns.isEmpty ? 0 : sortedSpawns[sortedSpawns.count / 2]), max \(sortedSpawns.last ?? 0) (merge drivers not counted)")
        say("  actions taken: \(taken.reduce(0, +)) (\(taken.min() ?? 0)-\(taken.max() ?? 0) a member); records in conflict: \(conflicted)")
        let verdict = verdict(members, made: made)
        for line in verdict.lines { say(line) }
        say(String(format: "  wall time: %.1f s", seconds(since: began)))
        guard verdict.failed.isEmpty else {
            throw Failure(description: "the simulation did not converge: \(verdict.failed.joined(separator: "; "))")
        }
        say("  all invariants hold")
    }

    /// Times syncs in a store of `records` solicitations: two offices of one party, each
    /// adding lines to random drafts, syncing in turn (so each sync merges the other's work).
    static func timeSync(records: Int, samples: Int) throws {
        let folder = NSTemporaryDirectory() + "cobuy-syncbench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let office = [Officer(name: "North office", party: "city-of-salem"), Officer(name: "South office", party: "city-of-salem")]
        let now = Timestamp(iso8601: "2026-03-02T09:00:00Z") ?? Timestamp(secondsSinceEpoch: 0)
        let start = DispatchTime.now().uptimeNanoseconds
        let members = try consortium(folder: folder, parties: [office[0], Officer(name: "Vendor", party: "acme-fleet")]) { store, founder in
            let lookup = RecordDirectory(parties: [Party(id: founder.party, name: "City of Salem", kind: .city,
                                                         region: RegionCode("US-OR") ?? .unitedStates, population: 1, statutoryTerms: [])])
            for number in 1...records {
                let context = ActionContext(now: now, officer: founder, lookup: lookup,
                                            ids: IDPool(existing: [String(format: "SOL-2026-%04d", number - 1)]))
                guard case .success(let draft) = Creation.solicitation(title: "Draft \(number)", lead: nil, category: "Bench", description: "",
                                                                       in: context) else { continue }
                try DurableFile.write(try RecordCodec.encode(draft), to: store.path(of: .solicitation, id: draft.id))
            }
        }
        // The second office clones as its own member.
        let email = "south@example.org"
        let (southShared, _) = try SharedStore.clone(url: "\(folder)/remote.git", into: "\(folder)/south", party: office[1].party, code: "SOU",
                                                     executable: driver, environment: environment(office[1], email: email))
        _ = try Sync(shared: southShared).run()
        _ = try Sync(shared: members[0].shared).run()
        say(String(format: "Sync in a store of %d records (set up %.1f s)", records, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        let offices = [(members[0].shared, office[0]), (southShared, office[1])]
        var random = Random(state: 7)
        var times: [Double] = []
        var spawns: [Int] = []
        for sample in 0..<samples {
            for (shared, officer) in offices {
                for step in 0..<3 {
                    // Now and then both offices write the same draft: the driver merges it.
                    let number = random.below(8) == 0 ? 1 + sample % 10 : 1 + random.below(records)
                    _ = try? ActionRunner.perform("add-line", ActionArguments(["text": "line \(sample)-\(step)", "quantity": "1", "unit": "each"]),
                                                  on: String(format: "SOL-2026-%04d", number), officer: officer,
                                                  now: now.adding(seconds: sample * 10 + step), in: shared.store)
                }
                let begin = DispatchTime.now().uptimeNanoseconds
                let spawnedBefore = Git.spawned
                _ = try Sync(shared: shared).run()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e6)
                spawns.append(Git.spawned - spawnedBefore)
            }
        }
        Benchmark.report("one sync (3 actions out, the other's in)", times)
        fflush(nil)
        let sortedSpawns = spawns.sorted()
        say("  git processes a sync: median \(sortedSpawns.isEmpty ? 0 : sortedSpawns[sortedSpawns.count / 2]), max \(sortedSpawns.last ?? 0) (merge drivers not counted)")
    }

    static func run(_ arguments: [String]) throws {
        switch arguments.first {
        case "simulate":
            let numbers = arguments.dropFirst().compactMap { Int($0) }
            try simulate(members: numbers.count > 0 ? numbers[0] : 20, actions: numbers.count > 1 ? numbers[1] : 50,
                         rounds: numbers.count > 2 ? numbers[2] : 5, seed: UInt64(numbers.count > 3 ? numbers[3] : 1))
        default:
            let numbers = arguments.dropFirst().compactMap { Int($0) }
            for records in numbers.isEmpty ? [1_000, 10_000] : numbers {
                try timeSync(records: records, samples: 20)
            }
        }
    }
}

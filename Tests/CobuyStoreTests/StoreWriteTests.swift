import CobuyCore
import Foundation
import Testing
@testable import CobuyStore

/// Writing records: atomic, in the store's canonical format, revisioned, never over someone else's change.
@Suite struct StoreWriteTests {
    @Test func atomicWritesLeaveNoTemporariesBehind() throws {
        let temporary = try TemporaryStore()
        let solicitation = try temporary.solicitation()
        for index in 0..<5 { try temporary.addLine("Line \(index)", to: solicitation.id) }
        #expect(temporary.store.leftoverTemporaries().isEmpty)
        for kind in RecordKind.allCases {
            let names = DurableFile.names(in: temporary.store.folder(kind))
            #expect(names.allSatisfy { $0.hasSuffix(".json") && !$0.hasPrefix(".") && !$0.contains(".tmp-") }, "\(kind): \(names)")
        }
        #expect(DurableFile.names(in: temporary.store.folder(.solicitation)) == ["\(solicitation.id).json"])
        #expect(Set(DurableFile.names(in: temporary.store.folder(.party))) == ["city-of-salem.json", "marion-county.json"])

        // DurableFile on its own: replacing a file leaves only the file, with the new bytes.
        let path = "\(temporary.folder)/catalog/plain.json"
        try DurableFile.write(Data("first\n".utf8), to: path)
        try DurableFile.write(Data("second\n".utf8), to: path)
        #expect(try DurableFile.read(path) == Data("second\n".utf8))
        #expect(DurableFile.names(in: "\(temporary.folder)/catalog") == ["plain.json"])
    }

    @Test func recordsAreWrittenWithSortedKeysTwoSpaceIndentAndATrailingNewline() throws {
        let temporary = try TemporaryStore()
        let solicitation = try temporary.solicitation()
        try temporary.addLine("Salt", to: solicitation.id)
        for (kind, id) in [(RecordKind.party, "city-of-salem"), (.solicitation, solicitation.id)] {
            let text = try temporary.text(kind, id)
            #expect(text.hasPrefix("{\n"))
            #expect(text.hasSuffix("}\n") && !text.hasSuffix("\n\n"), "exactly one trailing newline")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            for line in lines {
                let indent = line.prefix(while: { $0 == " " }).count
                #expect(indent % 2 == 0, "odd indent in \(line)")
                #expect(!line.hasPrefix("\t"))
            }
            #expect(text.contains("\n  \"id\" : \"\(id)\""), "top-level keys are indented by two spaces")
            #expect(firstUnsortedKey(in: text) == nil, "\(firstUnsortedKey(in: text) ?? "")")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(object["schema"] as? Int == 1)
            #expect(object["revision"] as? Int != nil)
            #expect(object["history"] as? [Any] != nil)
        }
        #expect(firstUnsortedKey(in: "{\n  \"b\" : 1,\n  \"a\" : {\n    \"z\" : 1\n  }\n}\n") != nil, "the checker itself notices disorder")
        #expect(firstUnsortedKey(in: "{\n  \"a\" : {\n    \"z\" : 1\n  },\n  \"b\" : {\n    \"y\" : 1\n  }\n}\n") == nil)
        // Nested objects are indented a further two spaces.
        #expect(try temporary.text(.solicitation, solicitation.id).contains("\n  \"lines\" : [\n    {\n      \""))
        // The marker file too.
        let marker = String(decoding: try DurableFile.read(temporary.store.markerPath), as: UTF8.self)
        #expect(marker == "{\n  \"format\" : \"cobuy-store\",\n  \"version\" : 1\n}\n")
    }

    @Test func createThenUpdateIncreasesTheRevisionEachTime() throws {
        let temporary = try TemporaryStore()
        try temporary.party("city-of-salem")
        let created = try ActionRunner.create(officer: TemporaryStore.officer, now: TemporaryStore.now, in: temporary.store) { context in
            Creation.solicitation(title: "Salt", lead: "city-of-salem", category: "", description: "", in: context)
        }
        #expect(created.revision == 1)
        #expect(try temporary.store.load(created.id).record.revision == 1)
        var expected = 1
        for index in 0..<3 {
            let applied = try temporary.perform("add-line", ["text": "Line \(index)", "quantity": "2", "unit": "ton"], on: created.id)
            expected += 1
            #expect(applied.record.record.revision == expected)
            #expect(try temporary.store.load(created.id).record.revision == expected)
        }
        // Straight through a transaction as well.
        let record = try temporary.store.load(created.id)
        let written = try temporary.store.transaction { try $0.update(record, readAt: expected) }
        #expect(written.record.revision == expected + 1)
        let onDisk = try #require(try JSONSerialization.jsonObject(with: try temporary.bytes(.solicitation, created.id)) as? [String: Any])
        #expect(onDisk["revision"] as? Int == expected + 1)
    }

    @Test func aStaleUpdateIsAConflictNamingTheRecordAndChangesNothing() throws {
        let temporary = try TemporaryStore()
        let solicitation = try temporary.solicitation()
        let readAt = solicitation.revision
        try temporary.addLine("Someone else's line", to: solicitation.id)  // revision moves on
        let before = try temporary.bytes(.solicitation, solicitation.id)
        var stale = solicitation
        stale.title = "Overwritten"
        let error = #expect(throws: StoreError.self) {
            try temporary.store.transaction { try $0.update(.solicitation(stale), readAt: readAt) }
        }
        #expect(error == .conflict(id: solicitation.id, expectedRevision: readAt, foundRevision: readAt + 1))
        #expect(error?.description.contains(solicitation.id) == true)
        #expect(error?.description.contains("nothing was written") == true)
        #expect(try temporary.bytes(.solicitation, solicitation.id) == before)

        // Also when the action itself was chosen at an old revision.
        #expect(throws: StoreError.conflict(id: solicitation.id, expectedRevision: readAt, foundRevision: readAt + 1)) {
            try ActionRunner.perform("circulate", ActionArguments(), on: solicitation.id, readAt: readAt,
                                     officer: TemporaryStore.officer, now: TemporaryStore.now, in: temporary.store)
        }
        #expect(try temporary.bytes(.solicitation, solicitation.id) == before)
        #expect(temporary.store.leftoverTemporaries().isEmpty)
    }

    @Test func creatingARecordWhoseIDExistsIsRefusedAndChangesNothing() throws {
        let temporary = try TemporaryStore()
        let party = try temporary.party("city-of-salem")
        let solicitation = try temporary.solicitation()
        let before = temporary.snapshot()
        #expect(throws: StoreError.alreadyExists(id: "city-of-salem")) {
            try temporary.store.transaction { try $0.create(.party(party)) }
        }
        #expect(throws: StoreError.alreadyExists(id: solicitation.id)) {
            try temporary.store.transaction { try $0.create(.solicitation(solicitation)) }
        }
        #expect(throws: (any Error).self) { try temporary.party("city-of-salem") }
        #expect(temporary.snapshot() == before)
    }

    @Test func aRefusedActionLeavesTheFileByteForByteUnchanged() throws {
        let temporary = try TemporaryStore()
        let solicitation = try temporary.solicitation()
        let before = try temporary.bytes(.solicitation, solicitation.id)
        let failure = #expect(throws: ActionRunner.Failure.self) {
            try temporary.perform("circulate", [:], on: solicitation.id)  // no requirement lines yet
        }
        guard case .refused(let refusal) = failure else { Issue.record("not a refusal: \(String(describing: failure))"); return }
        #expect(refusal.guardName == "requirement-lines")
        #expect(try temporary.bytes(.solicitation, solicitation.id) == before)
    }

    @Test func aFolderThatIsNotAStoreIsRefused() throws {
        let folder = NSTemporaryDirectory() + "cobuy-not-a-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: StoreError.notAStore(path: folder)) { try Store(root: folder).checkIsStore() }
        #expect(throws: StoreError.notAStore(path: folder)) { try Store(root: folder).transaction { _ in } }
        #expect(DurableFile.names(in: folder).isEmpty, "no lock file scattered into a folder that is not a store")
    }

    @Test func idsThatCouldEscapeTheFolderAreNotFound() throws {
        let temporary = try TemporaryStore()
        for id in ["../../etc/passwd", "../cobuy", ".hidden", "", "a/b"] {
            #expect(throws: StoreError.self) { _ = try temporary.store.load(id) }
            #expect(!temporary.store.exists(id))
        }
    }
}

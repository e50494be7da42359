import CobuyCore
import Foundation
import Testing
@testable import CobuyStore
#if canImport(Glibc)
import Glibc
#endif

/// Issue 14: only regular files are read, within a size limit and without blocking; only a
/// regular file (or nothing) is ever replaced; an unreadable folder is an error, not an empty one.
@Suite struct SpecialFileTests {
    func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "cobuy-special-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    func type(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    @Test func aFIFOIsRefusedWithoutBlockingAndADeviceWithoutReading() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try #require(mkfifo("\(folder)/pipe.json", 0o644) == 0)
        #expect(throws: StoreError.io(path: "\(folder)/pipe.json", message: "is a FIFO (named pipe), not a regular file, so it was not read")) {
            try DurableFile.read("\(folder)/pipe.json")
        }
        try #require(symlink("/dev/zero", "\(folder)/zero.json") == 0)
        #expect(throws: StoreError.io(path: "\(folder)/zero.json", message: "is a character device, not a regular file, so it was not read")) {
            try DurableFile.read("\(folder)/zero.json")
        }
        try Data(repeating: 0x20, count: 2048).write(to: URL(fileURLWithPath: "\(folder)/big.json"))
        #expect(throws: StoreError.self) { try DurableFile.read("\(folder)/big.json", limit: 1024) }
        #expect(try DurableFile.read("\(folder)/big.json", limit: 2048).count == 2048)
    }

    @Test func onlyARegularFileOrNothingIsReplaced() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try #require(mkfifo("\(folder)/pipe", 0o644) == 0)
        #expect(throws: StoreError.self) { try DurableFile.write(Data("x".utf8), to: "\(folder)/pipe") }
        #expect(type("\(folder)/pipe") == S_IFIFO)
        try FileManager.default.createDirectory(atPath: "\(folder)/dir", withIntermediateDirectories: true)
        #expect(throws: StoreError.self) { try DurableFile.write(Data("x".utf8), to: "\(folder)/dir") }
        #expect(type("\(folder)/dir") == S_IFDIR)
        // A dangling link, and a link to a file: neither replaced unless asked.
        try #require(symlink("\(folder)/nowhere", "\(folder)/dangling") == 0)
        #expect(throws: StoreError.self) { try DurableFile.write(Data("x".utf8), to: "\(folder)/dangling") }
        #expect(type("\(folder)/dangling") == S_IFLNK)
        try DurableFile.write(Data("x".utf8), to: "\(folder)/dangling", replacingSymbolicLink: true)
        #expect(type("\(folder)/dangling") == S_IFREG)
        #expect(throws: StoreError.self) { try AtomicFileWriter(path: "\(folder)/pipe") }
        // A device node (made here, so nothing real is at risk if the check fails): as root a
        // rename replaced /dev/full with a regular file.
        if getuid() == 0, mknod("\(folder)/full", S_IFCHR | 0o666, dev_t((1 << 8) | 7)) == 0 {
            #expect(throws: StoreError.self) { try DurableFile.write(Data("x".utf8), to: "\(folder)/full") }
            #expect(type("\(folder)/full") == S_IFCHR)
            let writer = try? AtomicFileWriter(path: "\(folder)/full")
            #expect(writer == nil, "refused before anything is written")
        }
        try DurableFile.write(Data("plain".utf8), to: "\(folder)/plain")
        try DurableFile.write(Data("again".utf8), to: "\(folder)/plain")
        #expect(try DurableFile.read("\(folder)/plain") == Data("again".utf8))
    }

    @Test func aFolderThatIsNotAFolderIsAnErrorAndAMissingOneIsEmpty() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try DurableFile.listing("\(folder)/missing").isEmpty)
        try Data().write(to: URL(fileURLWithPath: "\(folder)/file"))
        #expect(throws: StoreError.self) { try DurableFile.listing("\(folder)/file") }
        let store = try Store.initialize(at: "\(folder)/store")
        try FileManager.default.removeItem(atPath: store.folder(.addendum))
        try Data().write(to: URL(fileURLWithPath: store.folder(.addendum)))
        let loaded = store.loadLocal(.addendum)
        #expect(loaded.problems.count == 1 && loaded.problems[0].isUnreadable, "\(loaded.problems)")
        #expect(!store.validate().isValid)
    }

    @Test func aNewerStoreFormatIsRefusedAndNeverWritten() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Store.initialize(at: folder)
        try Data(#"{"format":"cobuy-store","version":2}"#.utf8).write(to: URL(fileURLWithPath: store.markerPath))
        #expect(throws: StoreError.self) { try store.checkIsStore() }
        #expect(throws: StoreError.self) { try Store.initialize(at: folder) }
        #expect(throws: (any Error).self) { try store.transaction { _ in } }
        let report = store.validate()
        #expect(!report.isValid && report.problems.first?.message.contains("format version 2") == true)
    }
}

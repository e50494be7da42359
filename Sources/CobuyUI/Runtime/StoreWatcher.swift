import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells the main loop that the store's files changed behind the UI (the command line, another
/// machine's `git pull`, another Cobuy), so the lists show it within a second without a key.
/// On Linux it listens with inotify (files written, renamed into place, created or deleted in
/// the record and catalog folders); elsewhere, or when inotify cannot be set up, it compares the
/// folders' modification times, which every atomic write (a rename into the folder) changes.
final class StoreWatcher {
    private let folders: [String]
    private var descriptor: Int32 = -1
    private var stamps: [Date?]

    init(folders: [String]) {
        self.folders = folders
        stamps = Self.stamps(of: folders)
        #if os(Linux)
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return }
        let mask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_CREATE) | UInt32(IN_DELETE)
        var watched = 0
        for folder in folders where inotify_add_watch(fd, folder, mask) >= 0 { watched += 1 }
        if watched == folders.count {
            descriptor = fd
        } else {
            // A folder could not be watched: polling sees every folder alike.
            close(fd)
        }
        #endif
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Whether anything changed since the last call; what was pending is consumed, so a
    /// reload that follows covers it.
    func changed() -> Bool {
        if descriptor >= 0 {
            var any = false
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                any = true
            }
            return any
        }
        let now = Self.stamps(of: folders)
        defer { stamps = now }
        return now != stamps
    }

    private static func stamps(of folders: [String]) -> [Date?] {
        folders.map { (try? FileManager.default.attributesOfItem(atPath: $0))?[.modificationDate] as? Date }
    }
}

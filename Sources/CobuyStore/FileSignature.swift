import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What tells the index that a file changed without reading it: size, modification time to
/// the nanosecond and inode (a `git checkout` or an atomic rename gives a new inode).
enum FileSignature {
    static func of(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return "\(info.st_size):\(modified.tv_sec).\(modified.tv_nsec):\(info.st_ino)"
    }

    /// One signature for every record file of some folders: changes when any file is added,
    /// removed or rewritten. Costs one `stat` per file, no parsing.
    static func ofFolders(_ folders: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        var count = 0
        for folder in folders {
            for name in DurableFile.names(in: folder).sorted() where name.hasSuffix(".json") && !DurableFile.isTemporaryOrHidden(name) {
                mix(name)
                mix(of("\(folder)/\(name)") ?? "-")
                count += 1
            }
        }
        return "\(count):\(String(hash, radix: 16))"
    }
}

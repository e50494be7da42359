import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where exported documents go when the officer names no folder, and how a typed path is
/// read: `~` is the home folder, a relative path is relative to the folder given.
public struct ExportFolder: Sendable, Equatable {
    /// Why this folder: shown in `cobuy config show` and the UI's export dialog.
    public enum Source: String, Sendable, Equatable {
        case config = "the config file"
        case documents = "XDG_DOCUMENTS_DIR"
        case userDirs = "user-dirs.dirs"
        case home = "the home folder"
    }

    public var path: String
    public var source: Source

    /// The config file's `exportFolder`, else `$XDG_DOCUMENTS_DIR`, else the documents folder
    /// named in `$XDG_CONFIG_HOME/user-dirs.dirs` when it exists, else the home folder.
    public static func resolve(_ environment: CobuyEnvironment) -> ExportFolder {
        let home = environment.home
        if let configured = environment.loadConfig()?.exportFolder, !configured.trimmingCharacters(in: .whitespaces).isEmpty {
            return ExportFolder(path: ExportFile.expand(configured, home: home, currentFolder: home), source: .config)
        }
        if let documents = environment.variables["XDG_DOCUMENTS_DIR"], !documents.isEmpty {
            return ExportFolder(path: ExportFile.expand(documents.replacingOccurrences(of: "$HOME", with: home), home: home, currentFolder: home),
                                source: .documents)
        }
        if let documents = userDirsDocuments(environment), isFolder(documents) {
            return ExportFolder(path: documents, source: .userDirs)
        }
        return ExportFolder(path: home, source: .home)
    }

    /// `XDG_DOCUMENTS_DIR="$HOME/Documents"` from xdg-user-dirs' file, whose values are either
    /// absolute or start with `$HOME/` (its documented format).
    static func userDirsDocuments(_ environment: CobuyEnvironment) -> String? {
        guard let data = try? DurableFile.read(environment.userDirsPath, limit: 64 << 10),
              let text = String(data: data, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("XDG_DOCUMENTS_DIR=") else { continue }
            var value = trimmed.dropFirst("XDG_DOCUMENTS_DIR=".count)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            if value.hasPrefix("$HOME") { return environment.home + value.dropFirst("$HOME".count) }
            return value.hasPrefix("/") ? String(value) : nil
        }
        return nil
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// A path for the officer to read: the home folder shown as `~`.
    public static func abbreviated(_ path: String, home: String) -> String {
        guard !home.isEmpty, home != "/" else { return path }
        if path == home { return "~" }
        return path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }
}

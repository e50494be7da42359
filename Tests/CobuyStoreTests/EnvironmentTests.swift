import CobuyCore
import Foundation
import Testing
@testable import CobuyStore

/// Where the store is, what time it is and who acts: flags, then the environment, then files.
@Suite struct EnvironmentTests {
    @Test func theStoreComesFromTheFlagThenCOBUY_STOREThenXDG() {
        let all = CobuyEnvironment(variables: ["HOME": "/home/ana", "COBUY_STORE": "/srv/store", "XDG_DATA_HOME": "/data"])
        #expect(all.storePath(flag: "/flag/store") == "/flag/store")
        #expect(all.storePath(flag: nil) == "/srv/store")
        #expect(all.storePath(flag: "") == "/srv/store", "an empty flag counts as absent")
        let xdg = CobuyEnvironment(variables: ["HOME": "/home/ana", "XDG_DATA_HOME": "/data"])
        #expect(xdg.storePath(flag: nil) == "/data/cobuy/store")
        #expect(xdg.storePath(flag: "relative/store") == "relative/store")
        #expect(CobuyEnvironment(variables: ["HOME": "/home/ana", "COBUY_STORE": "", "XDG_DATA_HOME": "/data"]).storePath(flag: nil)
                == "/data/cobuy/store")
        #expect(CobuyEnvironment(variables: ["HOME": "/home/ana"]).storePath(flag: nil) == "/home/ana/.local/share/cobuy/store")
        // XDG paths must be absolute; a relative one is ignored as the specification says.
        #expect(CobuyEnvironment(variables: ["HOME": "/home/ana", "XDG_DATA_HOME": "data"]).storePath(flag: nil)
                == "/home/ana/.local/share/cobuy/store")
    }

    @Test(arguments: [
        ("2026-03-02T09:00:00Z", "2026-03-02T09:00:00Z"),
        ("2026-03-02T09:00Z", "2026-03-02T09:00:00Z"),
        ("2026-03-02T11:30:00+02:30", "2026-03-02T09:00:00Z"),
        ("2026-03-02T04:00:00-05:00", "2026-03-02T09:00:00Z"),
        ("2026-03-02T09:00:00.250Z", "2026-03-02T09:00:00Z"),
        ("2026-03-02", "2026-03-02T00:00:00Z"),
        (" 2026-03-02T09:00:00Z ", "2026-03-02T09:00:00Z"),
    ])
    func COBUY_NOWSetsTheClock(text: String, expected: String) throws {
        #expect(try CobuyEnvironment(variables: ["COBUY_NOW": text]).now().description == expected)
    }

    @Test(arguments: ["tomorrow", "2026-13-01T00:00:00Z", "2026-02-30T09:00:00Z", "2026-03-02T25:00:00Z", "2026-03-02T09:00:00Q", "03/02/2026"])
    func aBadCOBUY_NOWIsAnErrorThatQuotesIt(text: String) {
        let error = #expect(throws: EnvironmentError.self) { _ = try CobuyEnvironment(variables: ["COBUY_NOW": text]).now() }
        #expect(error?.description.contains("COBUY_NOW") == true)
        #expect(error?.description.contains(text) == true)
    }

    @Test func withoutCOBUY_NOWTheClockIsTheSystemsOwn() throws {
        let before = Int(Date().timeIntervalSince1970)
        let now = try CobuyEnvironment(variables: ["COBUY_NOW": ""]).now().secondsSinceEpoch
        #expect(abs(now - before) <= 5)
    }

    @Test func theOfficerComesFromFlagsThenEnvironmentThenTheConfigFile() throws {
        let folder = NSTemporaryDirectory() + "cobuy-config-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var environment = CobuyEnvironment(variables: ["HOME": folder, "XDG_CONFIG_HOME": "\(folder)/config"])
        #expect(environment.officer(name: nil, party: nil) == (nil, nil))
        try environment.saveConfig(OfficerConfig(name: "Config Name", party: "config-party"))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/config/cobuy/config.json"))
        #expect(environment.loadConfig() == OfficerConfig(name: "Config Name", party: "config-party"))
        #expect(environment.officer(name: nil, party: nil) == ("Config Name", "config-party"))
        environment.variables["COBUY_ACTOR"] = "Env Name"
        #expect(environment.officer(name: nil, party: nil) == ("Env Name", "config-party"), "each field falls back on its own")
        environment.variables["COBUY_PARTY"] = "env-party"
        #expect(environment.officer(name: nil, party: nil) == ("Env Name", "env-party"))
        #expect(environment.officer(name: "Flag Name", party: nil) == ("Flag Name", "env-party"))
        #expect(environment.officer(name: "Flag Name", party: "flag-party") == ("Flag Name", "flag-party"))
        #expect(environment.officer(name: "", party: "") == ("Env Name", "env-party"), "empty flags count as absent")
    }

    @Test func anUnreadableConfigFileIsIgnoredNotFatal() throws {
        let folder = NSTemporaryDirectory() + "cobuy-config-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: "\(folder)/cobuy", withIntermediateDirectories: true)
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: "\(folder)/cobuy/config.json"))
        let environment = CobuyEnvironment(variables: ["HOME": "/nowhere", "XDG_CONFIG_HOME": folder, "COBUY_ACTOR": "Env Name"])
        #expect(environment.loadConfig() == nil)
        #expect(environment.officer(name: nil, party: nil) == ("Env Name", nil))
    }
}

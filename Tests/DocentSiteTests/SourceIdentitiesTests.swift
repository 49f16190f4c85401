import Foundation
import Testing

@testable import DocentSite

/// `SourceIdentities`' identity text, written digit by digit, is what the interpolation of the same numbers gives.
@Suite struct SourceIdentityTextTests {
    @Test func anIdentityIsItsSizeTimesDeviceAndInode() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docent-identity-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("page.md")
        try Data(repeating: 65, count: 12_345).write(to: file)
        // Modified ten seconds ago, with nanoseconds; changed (its change time) now, so a file with an identity
        // two seconds from now (a newer one has none: its next change could keep its times).
        let past = timespec(tv_sec: time(nil) - 10, tv_nsec: 123_456_789)
        var times = [past, past]
        #expect(utimensat(AT_FDCWD, file.path, &times, 0) == 0)
        Thread.sleep(forTimeInterval: 2.1)
        var info = stat()
        #expect(stat(file.path, &info) == 0)
        let expected =
            "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec) \(info.st_dev):\(info.st_ino)"
        #expect(SourceIdentities.identity(of: file.path) == expected)
        let folderDescriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
        defer { close(folderDescriptor) }
        #expect(SourceIdentities.identity(of: "page.md", in: folderDescriptor) == expected)
        #expect(
            SourceIdentities.outputIdentity(of: "page.md", in: folderDescriptor)
                == "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_dev):\(info.st_ino)")
        #expect(SourceIdentities.identity(of: "missing.md", in: folderDescriptor) == nil)
    }
}

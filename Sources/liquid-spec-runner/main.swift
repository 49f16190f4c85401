// liquid-spec-runner DIR...: runs Shopify's liquid-spec YAML files against the Liquid engine.
import Foundation
import Liquid
import Yams

let arguments = Array(CommandLine.arguments.dropFirst())
var directories: [String] = []
var showFailures = 15
var onlyName: String? = nil
var minimumPassRate: Double? = nil
var index = 0
while index < arguments.count {
    let argument = arguments[index]
    if argument == "--show", index + 1 < arguments.count {
        showFailures = Int(arguments[index + 1]) ?? showFailures
        index += 2
        continue
    }
    if argument == "--min-pass-rate", index + 1 < arguments.count {
        minimumPassRate = Double(arguments[index + 1])
        index += 2
        continue
    }
    if argument == "--name", index + 1 < arguments.count {
        onlyName = arguments[index + 1]
        index += 2
        continue
    }
    directories.append(argument)
    index += 1
}
if directories.isEmpty {
    FileHandle.standardError.write(
        Data("usage: liquid-spec-runner [--show N] [--name SUBSTRING] [--min-pass-rate PERCENT] DIR...\n".utf8))
    exit(2)
}

let result = SpecRunner.run(directories: directories, nameFilter: onlyName)
for failure in result.failures.prefix(showFailures) {
    print(failure.report)
    print("")
}
for file in result.unreadableFiles { print("error: could not read \(file)") }
for (reason, count) in result.skipReasons.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
    print("skipped \(count): \(reason)")
}
let total = max(result.total, 1)
let passRate = Double(result.passed) * 100 / Double(total)
print(
    "\(result.passed) passed, \(result.failures.count) failed, \(result.skipped) skipped "
        + "(\(String(format: "%.1f", passRate))% of \(result.total), skips counted as failures)")
if !result.failures.isEmpty && showFailures > 0 {
    print("lowest-complexity failures:")
    for failure in result.failures.prefix(showFailures) {
        print("  [\(failure.complexity)] \(failure.name) (\(failure.file))")
        if let hint = failure.hint.split(separator: "\n").first { print("      hint: \(hint)") }
    }
}
if !result.unreadableFiles.isEmpty { exit(1) }
if let minimumPassRate {
    if passRate < minimumPassRate {
        print("FAIL: pass rate \(String(format: "%.1f", passRate))% is below \(minimumPassRate)%")
        exit(1)
    }
    exit(0)
}
exit(result.failures.isEmpty && result.skipped == 0 ? 0 : 1)

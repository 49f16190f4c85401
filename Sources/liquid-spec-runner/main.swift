// liquid-spec-runner DIR...: runs Shopify's liquid-spec YAML files against the Liquid engine.
import Foundation
import Liquid
import Yams

let arguments = Array(CommandLine.arguments.dropFirst())
var directories: [String] = []
var showFailures = 15
var onlyName: String? = nil
var index = 0
while index < arguments.count {
    let argument = arguments[index]
    if argument == "--show", index + 1 < arguments.count {
        showFailures = Int(arguments[index + 1]) ?? showFailures
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
    FileHandle.standardError.write(Data("usage: liquid-spec-runner [--show N] [--name SUBSTRING] DIR...\n".utf8))
    exit(2)
}

let result = SpecRunner.run(directories: directories, nameFilter: onlyName)
for failure in result.failures.prefix(showFailures) {
    print(failure.report)
    print("")
}
if result.skipped > 0 {
    print("skipped \(result.skipped) specs needing Ruby-only features (ruby_drops, lax_parsing)")
}
print("\(result.passed) passed, \(result.failures.count) failed")
if !result.failures.isEmpty {
    print("lowest-complexity failures:")
    for failure in result.failures.prefix(showFailures) {
        print("  [\(failure.complexity)] \(failure.name) (\(failure.file))")
        if let hint = failure.hint.split(separator: "\n").first { print("      hint: \(hint)") }
    }
}
exit(result.failures.isEmpty ? 0 : 1)

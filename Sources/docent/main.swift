import DocentCommands
import Foundation

// The process exits right after the command: what it built is not freed piece by piece first.
ProcessExit.leavesMemoryToTheSystem = true
exit(DocentCommand.runMain())

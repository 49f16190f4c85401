import DocentCommands
import Foundation

exit(DocentCommand.runMain())

// DocentCommands: placeholder until its first file lands.

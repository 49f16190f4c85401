// EnterpriseConsole: placeholder until its first file lands.

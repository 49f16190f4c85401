// DocentSite: placeholder until its first file lands.

// EnterpriseDomain: placeholder until its first file lands.

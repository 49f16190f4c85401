// Liquid: placeholder until its first file lands.

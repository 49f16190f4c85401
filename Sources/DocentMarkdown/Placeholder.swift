// DocentMarkdown: placeholder until its first file lands.

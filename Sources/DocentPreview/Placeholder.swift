// DocentPreview: the preview server (docent serve).

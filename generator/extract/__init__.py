"""One module per kind of extraction; each is a function of an :class:`AnalysedArticle`."""

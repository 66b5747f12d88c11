STOPWORDS_NORWEGIAN: tuple[str, ...]

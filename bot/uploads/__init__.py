"""Documents dropped in a chat: read once, summarised when they are minutes, asked about
otherwise; kept in that conversation only and never added to the knowledge base."""

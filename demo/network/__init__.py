"""The network's demo: members with profiles, organisations, messages and opportunities, and the directory at scale."""

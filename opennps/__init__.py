"""OpenNPS: an open-source, self-hostable Net Promoter Score platform."""

__version__ = "0.1.0"

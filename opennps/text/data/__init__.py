"""Data files shipped with opennps.text: the default driver taxonomy and the sentiment cues."""

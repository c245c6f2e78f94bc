"""racegui: replay middle-distance races on a to-scale 400 m track."""

__version__ = "0.1.0"

"""The race model: pure numpy/scipy, no Qt.

Track geometry, race description, kinematics and analysis.
"""

"""Correspondence, appeals, files, numbering, retention and the official .docx builders.

The foundation only reserves this layer; each mechanism arrives with the issue that needs it.
"""

"""The letterhead that every official form is built on (python-docx); see docs/docx.md."""

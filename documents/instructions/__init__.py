"""Instructions with control of execution (поручения): one engine for whatever someone must do by a
date under someone else's control. See docs/instructions.md."""

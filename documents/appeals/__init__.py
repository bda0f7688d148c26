"""Citizens' appeals from the public site: the form, registration with a deadline from dated
rules, the sender's private status page and the public statistics (docs/appeals.md)."""

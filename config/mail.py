"""EMAIL_URL, the one variable that says how the site sends mail, turned into Django's MAILERS."""

import environ

_OPTIONS = {
    "EMAIL_HOST": "host",
    "EMAIL_PORT": "port",
    "EMAIL_HOST_USER": "username",
    "EMAIL_HOST_PASSWORD": "password",
    "EMAIL_USE_TLS": "use_tls",
    "EMAIL_USE_SSL": "use_ssl",
    "EMAIL_TIMEOUT": "timeout",
    "EMAIL_FILE_PATH": "file_path",
}


def mailer_from_url(url: str) -> dict:
    """``smtp+tls://user:password@host:587``, ``consolemail://``, ``filemail:///var/mail`` …"""
    config = environ.Env.email_url_config(url)
    backend = config.pop("EMAIL_BACKEND")
    options = {_OPTIONS[key]: value for key, value in config.items() if key in _OPTIONS and value not in ("", None)}
    if not backend.endswith("smtp.EmailBackend"):
        options = {key: value for key, value in options.items() if key == "file_path"}
    return {"BACKEND": backend, "OPTIONS": options}

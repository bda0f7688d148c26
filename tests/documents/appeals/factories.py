import datetime

from documents.appeals import services

TEXT = "Прошу разъяснить порядок получения разрешения на работу."


def appeal(*, name="Асель Токтогулова", address="10.0.0.1", on: datetime.datetime | None = None, **fields):
    """An appeal registered through the public form's service; returns (appeal, token)."""
    values = {"kind": "application", "sender": "person", "name": name, "email": "asel@example.kg", "text": TEXT}
    return services.appeal_submit(fields={**values, **fields}, attachments=[], address=address, language="ru", now=on)

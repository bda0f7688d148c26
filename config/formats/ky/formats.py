"""Kyrgyz dates as official documents write them: "2026-жылдын 25-ноябры".

Django's own Kyrgyz formats give "25 Ноябрь 2026 ж.", which no Kyrgyz text writes. The year comes
first with the genitive "-жылдын", the day takes the ordinal hyphen, and the month is the possessive
lower-case form: Django's "alt. month" names, which `locale/django/ky` gives ("ноябры").
"""

DATE_FORMAT = "Y-жылдын j-E"
TIME_FORMAT = "G:i"
DATETIME_FORMAT = "Y-жылдын j-E, G:i"
YEAR_MONTH_FORMAT = "Y-жылдын E"
MONTH_DAY_FORMAT = "j-E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M:%S.%f",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3

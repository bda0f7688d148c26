"""One demo user per role, plus an administrator. Passwords are set only when a user is created."""

from django.contrib.auth import get_user_model

from governance.access.objects import grant, group_for_role
from governance.access.setup import sync_roles

# username (also the role code), first name, last name
USERS = [
    ("chairman", "Азамат", "Токтосунов"),
    ("deputy_chairman", "Гүлнара", "Абдыкадырова"),
    ("state_secretary", "Бакыт", "Жумабеков"),
    ("hr_officer", "Айгерим", "Садыкова"),
    ("head_of_subdivision", "Нурлан", "Осмонов"),
    ("collegium_secretary", "Жылдыз", "Касымова"),
    ("collegium_member", "Эрлан", "Мамытов"),
    ("public_council_member", "Салтанат", "Үсөнова"),
    ("records_officer", "Мээрим", "Асанова"),
    ("expert_commission_chair", "Жаныл", "Орозбаева"),
    ("editor", "Канат", "Бейшеев"),
    ("moderator", "Динара", "Турдубаева"),
    ("grants_officer", "Чолпон", "Исакова"),
    ("international_officer", "Тимур", "Алиев"),
]


def _user(username: str, password: str, **fields):
    user, created = get_user_model().objects.get_or_create(username=username, defaults=fields)
    if created:
        user.set_password(password)
        user.save()
    return user


def load(password: str, subdivisions: dict) -> list:
    sync_roles()
    users = [
        _user(
            "admin",
            password,
            first_name="Администратор",
            last_name="Системы",
            email="admin@kyzmat.example",
            is_staff=True,
            is_superuser=True,
        )
    ]
    for code, first_name, last_name in USERS:
        user = _user(code, password, first_name=first_name, last_name=last_name, email=f"{code}@kyzmat.example")
        user.groups.add(group_for_role(code))
        users.append(user)
    # The head of subdivision leads the legal division: a right on that one subdivision only.
    head = next(u for u in users if u.username == "head_of_subdivision")
    grant(head, "structure.change_subdivision", subdivisions["legal"])
    return users

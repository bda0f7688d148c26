"""Correspondence: the records office's ViewSet answers as the policy says; the card and the forms
about one document (the card, upload, resolution, reader, draft resolution, answer to a point of an
appeal) answer 404 to whoever may not read it, and 403 to a reader who may not act; so does drafting
the answer to an appeal; the head's decision on a draft resolution takes a POST only."""

from governance.access import policy
from tests.security.matrix import ANONYMOUS, DENIED, LOGIN, METHOD, MISSING, OK, Row
from tests.security.rows.snippets import _object_rows, _rows

LETTERS = ["letter", "letter_draft", "letter_confidential", "letter_answer"]
VIEW = "correspondence.view_correspondence"
BASE = "/admin/snippets/correspondence/correspondence"


def _form(view: str, action: str, name: str, needs_card: bool = False):
    def expect(who, world):
        if who == ANONYMOUS:
            return frozenset({LOGIN})
        user, document = world.users[who], world.objects[name]
        if not policy.can(user, VIEW, document) or (needs_card and not document.document):
            return frozenset({MISSING})
        return frozenset({OK}) if action is None or policy.can(user, action, document) else frozenset({DENIED})

    return Row(
        (f"wagtailsnippets_correspondence_correspondence:{view}",),
        expect,
        lambda world: [f"{BASE}/{view}/{world.objects[name].pk}/"],
    )


def _appeal_answer(who, world):
    """Drafting the answer to an appeal: 404 to whoever may not read the appeal, 403 to a reader
    who may not process it."""
    if who == ANONYMOUS:
        return frozenset({LOGIN})
    user, appeal = world.users[who], world.objects["appeal"]
    if not policy.can(user, "appeals.view_appeal", appeal):
        return frozenset({MISSING})
    return frozenset({OK}) if policy.can(user, "appeals.process_appeal", appeal) else frozenset({DENIED})


def _transition(who, world):
    return frozenset({LOGIN}) if who == ANONYMOUS else frozenset({METHOD})


ROWS = [
    *_rows("correspondence", "correspondence", LETTERS),
    *_object_rows("correspondence", "correspondence", LETTERS, "inspect", "view"),
    Row(
        ("wagtailsnippets_correspondence_correspondence:transition",),
        _transition,
        lambda world: [
            f"{BASE}/transition/{world.objects['letter_draft'].pk}/register/",
            f"{BASE}/transition/{world.objects['letter_answer'].pk}/approve/",
        ],
    ),
    Row(
        ("wagtailsnippets_correspondence_correspondence:answer",),
        _appeal_answer,
        lambda world: [f"{BASE}/answer/{world.objects['appeal'].pk}/"],
    ),
    Row(
        ("wagtailsnippets_correspondence_correspondence:draft_transition",),
        _transition,
        lambda world: [
            f"{BASE}/draft-decision/{world.objects['resolution_draft'].pk}/{action}/"
            for action in ("approve", "return")
        ],
    ),
]
for letter in LETTERS:
    ROWS += [
        _form("card", None, letter, needs_card=True),
        _form("upload", "correspondence.upload", letter),
        _form("resolve", "correspondence.resolve", letter),
        _form("reader", "correspondence.name_reader", letter),
        _form("draft", "correspondence.resolution_draft_prepare", letter),
        _form("point", "correspondence.answer_point", letter),
    ]
